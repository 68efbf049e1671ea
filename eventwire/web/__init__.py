"""HTTP API and explore page over an eventwire store (`eventwire serve`)."""
