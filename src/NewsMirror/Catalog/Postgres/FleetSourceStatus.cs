namespace NewsMirror.Catalog.Postgres;

/// <summary>One source as the shared catalog knows it: who holds it and until when, and how its polls went.</summary>
public sealed record FleetSourceStatus(
    string Name,
    string Folder,
    string? Owner,
    DateTimeOffset? LeaseUntil,
    DateTimeOffset NextPoll,
    DateTimeOffset? LastSuccess,
    string? LastError,
    DateTimeOffset? LastFailure,
    int Failures);

/// <summary>A worker that reported to the shared catalog.</summary>
public sealed record FleetWorkerSeen(string Name, DateTimeOffset Started, DateTimeOffset LastSeen);
