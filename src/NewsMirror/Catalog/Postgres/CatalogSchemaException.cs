namespace NewsMirror.Catalog.Postgres;

/// <summary>The shared catalog's schema is not the version this NewsMirror uses; the message says what to run.</summary>
public sealed class CatalogSchemaException(string message) : Exception(message);
