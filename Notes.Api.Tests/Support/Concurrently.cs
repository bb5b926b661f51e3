namespace Notes.Api.Tests.Support;

public static class Concurrently
{
    /// <summary>Starts every call together, released by one signal, and answers their responses in call order.</summary>
    public static async Task<HttpResponseMessage[]> AllAtOnceAsync(int count, Func<int, Task<HttpResponseMessage>> call)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, count).Select(async i =>
        {
            await start.Task;
            return await call(i);
        }).ToArray();
        start.SetResult();
        return await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(60));
    }
}
