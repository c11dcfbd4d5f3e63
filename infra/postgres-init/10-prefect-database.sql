-- Run once by the postgres image on an empty data volume: Prefect's own database beside
-- radintel's, owned by the same role (PREFECT_API_DATABASE_CONNECTION_URL in compose.yaml).
CREATE DATABASE prefect OWNER radintel;
