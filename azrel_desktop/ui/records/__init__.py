"""Record pages: organisations, agreements, countries and people, and their shared link lists."""
