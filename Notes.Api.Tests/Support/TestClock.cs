namespace Notes.Api.Tests.Support;

/// <summary>The system's clock, which a test can move forward (to let an hour-long window pass) without waiting.</summary>
public sealed class TestClock : TimeProvider
{
    long _aheadTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _aheadTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _aheadTicks));
}
