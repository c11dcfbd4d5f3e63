"""Search over documents, findings and incidents (issue 14).

- `kinds/`: the registry of searchable kinds, one module each;
- `index.py`: keeping the index in step with the storage functions that write;
- `query.py`: parsed query plus filters as what the databases match;
- `pg.py` / `sqlite.py`: the dialect's SQL (tsvector + GIN / FTS5);
- `search.py`: results within a clearance, ranked in windows of recent matches, cursor-paged.
"""
