"""Reading the library: the one event filter, search, facets, the timeline's pages and record pages."""
