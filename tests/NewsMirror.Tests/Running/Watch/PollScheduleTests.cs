using Microsoft.Extensions.Time.Testing;
using NewsMirror.Catalog;
using NewsMirror.Running.Watch;

namespace NewsMirror.Tests.Running.Watch;

public class PollScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 26, 8, 0, 0, TimeSpan.Zero);
    private static readonly PollSettings Hourly = new(TimeSpan.FromHours(1), TimeSpan.Zero);

    [Fact]
    public void A_source_never_polled_is_due_now()
    {
        Assert.Equal(T0, PollSchedule.Next(SourceState.Never("法广"), Hourly, T0));
    }

    [Fact]
    public void A_healthy_source_is_polled_one_interval_after_its_last_success()
    {
        var state = SourceState.Never("法广") with { LastSuccess = T0 };

        Assert.Equal(T0.AddHours(1), PollSchedule.Next(state, Hourly, T0.AddMinutes(1)));
    }

    [Fact]
    public void Jitter_stays_within_its_bound_differs_between_sources_and_is_stable_for_one()
    {
        var settings = Hourly with { Jitter = TimeSpan.FromMinutes(5) };
        var offsets = Enumerable.Range(0, 200)
            .Select(i => PollSchedule.Next(SourceState.Never($"s{i}") with { LastSuccess = T0 }, settings, T0) - T0.AddHours(1))
            .ToList();

        Assert.All(offsets, o => Assert.InRange(o, TimeSpan.FromMinutes(-5), TimeSpan.FromMinutes(5)));
        Assert.True(offsets.Distinct().Count() > 150, "jitter should spread sources apart");
        Assert.Contains(offsets, o => o < TimeSpan.Zero);
        Assert.Contains(offsets, o => o > TimeSpan.Zero);
        var again = PollSchedule.Next(SourceState.Never("s0") with { LastSuccess = T0 }, settings, T0.AddMinutes(30));
        Assert.Equal(T0.AddHours(1) + offsets[0], again);
    }

    [Fact]
    public void A_failing_source_backs_off_exponentially_up_to_the_cap_and_is_never_abandoned()
    {
        var clock = new FakeTimeProvider(T0);
        var state = SourceState.Never("德国之声");
        var gaps = new List<TimeSpan>();
        for (var poll = 0; poll < 40; poll++)
        {
            var next = PollSchedule.Next(state, Hourly, clock.GetUtcNow());
            if (poll > 0) gaps.Add(next - clock.GetUtcNow());
            clock.SetUtcNow(next);
            state = state with { LastError = "HTTP 503", LastFailure = clock.GetUtcNow(), ConsecutiveFailures = state.ConsecutiveFailures + 1 };
        }

        Assert.Equal([2, 4, 8, 16], gaps.Take(4).Select(g => g.TotalHours));
        Assert.Equal(TimeSpan.FromHours(24), gaps[4]);
        Assert.All(gaps.Skip(4), g => Assert.Equal(TimeSpan.FromHours(24), g));
    }

    [Fact]
    public void Backoff_does_not_overflow_after_very_many_failures()
    {
        var settings = new PollSettings(TimeSpan.FromMinutes(15), TimeSpan.Zero) { MaxBackoff = TimeSpan.FromHours(6) };

        Assert.Equal(TimeSpan.FromMinutes(30), PollSchedule.Backoff(1, settings));
        Assert.Equal(TimeSpan.FromHours(6), PollSchedule.Backoff(int.MaxValue, settings));
    }

    [Fact]
    public void A_success_ends_the_backoff()
    {
        var state = SourceState.Never("BBC") with { LastFailure = T0, LastError = "x", ConsecutiveFailures = 5 };
        var recovered = state with { LastSuccess = T0.AddHours(30), ConsecutiveFailures = 0 };

        Assert.Equal(T0.AddHours(31), PollSchedule.Next(recovered, Hourly, T0.AddHours(30)));
    }

    [Fact]
    public void Retry_after_later_than_the_schedule_wins_and_an_earlier_one_changes_nothing()
    {
        var failed = SourceState.Never("BBC") with { LastFailure = T0, LastError = "HTTP 429", ConsecutiveFailures = 1 };

        Assert.Equal(T0.AddHours(5), PollSchedule.Next(failed with { NextPoll = T0.AddHours(5) }, Hourly, T0));
        Assert.Equal(T0.AddHours(2), PollSchedule.Next(failed with { NextPoll = T0.AddMinutes(10) }, Hourly, T0));
    }
}
