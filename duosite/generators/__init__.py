"""Pages made from data rather than written: each generator yields ordinary pages."""
