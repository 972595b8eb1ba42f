"""The ``fengqiao`` command line: every use case a script or a bureau batch job needs."""
