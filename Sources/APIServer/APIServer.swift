// API server.
