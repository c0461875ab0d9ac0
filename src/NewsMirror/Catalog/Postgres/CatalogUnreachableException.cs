namespace NewsMirror.Catalog.Postgres;

/// <summary>The shared catalog's server could not be reached, or the connection to it was lost; the message names the host, never the password.</summary>
public sealed class CatalogUnreachableException(string message, Exception? inner = null) : Exception(message, inner);
