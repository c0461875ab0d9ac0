using System.Net.Http.Headers;

namespace NewsMirror.Fetching;

/// <summary>A rate-limited server's Retry-After: a number of seconds, or an HTTP date.</summary>
public sealed record RetryAfter(TimeSpan? Delay, DateTimeOffset? Date)
{
    public static RetryAfter? From(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => new RetryAfter(delta, null),
        { Date: { } date } => new RetryAfter(null, date),
        _ => null,
    };

    /// <summary>The earliest moment the server allows another request, for a response received at <paramref name="received"/>.</summary>
    public DateTimeOffset After(DateTimeOffset received) => Date ?? received + (Delay ?? TimeSpan.Zero);

    public override string ToString() => Delay is { } delay ? $"retry after {delay.TotalSeconds:0} s" : $"retry after {Date!.Value.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC";
}
