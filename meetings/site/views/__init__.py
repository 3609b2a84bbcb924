"""The public pages, one module per page family. Public views only read: only public rows
(published, from a published article) ever reach them."""
