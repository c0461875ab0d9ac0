namespace NewsMirror.Running.Fleet;

/// <summary>A batch that cannot be finished (push refused, catalog refused an identity): it is abandoned, the worker goes on.</summary>
internal sealed class WorkerBatchException(string message, Exception? inner = null) : Exception(message, inner);
