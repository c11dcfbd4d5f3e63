from __future__ import annotations

from functools import lru_cache

from storage.objectstore.base import (
    IntegrityError,
    ObjectNotFound,
    ObjectStore,
    ObjectStoreError,
    content_key,
)
from storage.objectstore.local import LocalObjectStore
from storage.settings import StorageSettings, get_storage_settings


def object_store_from(settings: StorageSettings) -> ObjectStore:
    if settings.object_store == "minio":
        from storage.objectstore.minio_store import MinioObjectStore

        return MinioObjectStore.from_settings(settings)
    return LocalObjectStore(settings.objects_dir)


@lru_cache
def get_object_store() -> ObjectStore:
    return object_store_from(get_storage_settings())


__all__ = [
    "IntegrityError",
    "LocalObjectStore",
    "ObjectNotFound",
    "ObjectStore",
    "ObjectStoreError",
    "content_key",
    "get_object_store",
    "object_store_from",
]
