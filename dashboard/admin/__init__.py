"""Data administration: uploads, detection, preview, dataset versions, and the HTTP API
(`api`). The web pages (helper admin-ui) and the command line call `service` only."""
