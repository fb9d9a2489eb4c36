"""The store's core: engine and transactions, column types and metadata, DB-API helpers,
migrations. Features build on it; it knows none of them."""
