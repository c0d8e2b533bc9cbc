"""Helpers of the publishing gates: a local web server, axe-core and the Nu HTML checker."""
