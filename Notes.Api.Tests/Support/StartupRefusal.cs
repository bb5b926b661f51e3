namespace Notes.Api.Tests.Support;

public static class StartupRefusal
{
    /// <summary>Starts the app with one setting changed and returns the exception it refused to start with.</summary>
    public static async Task<Exception> WithAsync(string key, string value)
    {
        await using var api = new ChangedApi(key, value);
        return await Assert.ThrowsAnyAsync<Exception>(((IAsyncLifetime)api).InitializeAsync);
    }

    sealed class ChangedApi(string key, string value) : ApiFactory
    {
        protected override Dictionary<string, string> Settings => new(base.Settings) { [key] = value };
    }
}
