"""The public site: pages (views/), their filters, facets, paging, search, feeds and exports."""
