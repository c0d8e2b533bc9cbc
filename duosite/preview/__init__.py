"""The preview: a local server and a watcher that rebuilds on every save."""
