using NewsMirror.Catalog;

namespace NewsMirror.Tests.Catalog;

public class SourceStateTests
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 26, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_source_never_polled_has_no_state()
    {
        using var archive = new TestArchive();
        using var catalog = archive.Open();

        Assert.Equal(SourceState.Never("法广"), catalog.States.Get("法广"));
    }

    [Fact]
    public void Failures_count_up_keep_the_last_success_and_reset_on_success()
    {
        using var archive = new TestArchive();
        using (var catalog = archive.Open())
        {
            catalog.States.RecordSuccess("法广", T0, etag: "\"v1\"", lastModified: "Tue, 26 Mar 2024 08:00:00 GMT", nextPoll: T0.AddHours(1));
            catalog.States.RecordFailure("法广", T0.AddHours(1), "HTTP 503");
            catalog.States.RecordFailure("法广", T0.AddHours(2), "timed out", nextPoll: T0.AddHours(4));
        }

        using (var reopened = archive.Open())
        {
            var failing = reopened.States.Get("法广");
            Assert.Equal(new SourceState("法广", "\"v1\"", "Tue, 26 Mar 2024 08:00:00 GMT", T0, "timed out", T0.AddHours(2), 2, T0.AddHours(4)), failing);

            reopened.States.RecordSuccess("法广", T0.AddHours(4), etag: "\"v2\"");
            var recovered = reopened.States.Get("法广");
            Assert.Equal((0, T0.AddHours(4), "\"v2\"", "timed out"), (recovered.ConsecutiveFailures, recovered.LastSuccess, recovered.ETag, recovered.LastError));
        }
    }
}
