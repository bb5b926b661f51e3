namespace Notes.Api.Tests.Support;

/// <summary>An API on an engine of its own, which a test may freeze without disturbing the other test classes.</summary>
public abstract class PausableApi : ApiFactory
{
    public MongoEngine PausableEngine => Engine;

    protected override Task<MongoEngine> StartEngineAsync() => MongoEngine.StartOwnAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Engine.DisposeAsync();
    }
}
