"""The registry's search documents in OpenSearch or Elasticsearch, ranked like the in-process engine.

When ``OPENSEARCH_URL`` (or ``ELASTICSEARCH_URL``) is set, the engine holds the index:
``mapping`` says how a document is indexed (our Sastrawi stems per field, ASCII folding,
the editors' synonyms at search time, the stored embedding as a Lucene HNSW vector),
``queries`` turns our analysed query into the engine's lexical and k-NN queries, and
``site`` builds the index behind an alias and feeds the engine's candidates to the same
fusion, grouping and ranking rules as the in-process engine (``search.engine.hybrid``).
"""
