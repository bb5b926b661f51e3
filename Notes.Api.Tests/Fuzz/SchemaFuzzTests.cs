using CsCheck;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Notes.Api.Tests.Fuzz;

/// <summary>
/// Schema-driven fuzzing: requests for every operation in the API's own OpenAPI document (<see cref="ApiDocument"/>), built from
/// its schemas and made to break them (<see cref="HostileRequests"/>).
/// <list type="bullet">
/// <item>Cases: <see cref="RequestsPerOperation"/> requests for each operation the document lists, one operation after another.</item>
/// <item>Time: every answer within <see cref="AnswerWithin"/>; the whole run within about a minute on two busy cores.</item>
/// <item>Demands: never a 5xx; never a hang (no answer in time); every 4xx is problem details (application/problem+json)
/// whose status is the HTTP status, with its errors list and no stack trace.</item>
/// </list>
/// A failure prints, per operation, the smallest failing request CsCheck found and its seed: replay it with
/// <c>dotnet test Notes.Api.Tests -c Release --filter FullyQualifiedName~SchemaFuzzTests -e CsCheck_Seed=&lt;seed&gt;</c>.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SchemaFuzzTests(SchemaFuzzTests.Factory api, ITestOutputHelper output) : IClassFixture<SchemaFuzzTests.Factory>
{
    /// <summary>Enough for each operation to meet every kind of input, yet the whole run stays within a minute on two busy cores.</summary>
    const int RequestsPerOperation = 100;

    static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(10);

    /// <summary>Keeps the errors the app logs, so a failure shows the server's side of it too.</summary>
    public sealed class Factory : RecordedLogsApi
    {
        protected override LogLevel RecordedLevel => LogLevel.Error;
    }

    [Fact]
    public async Task Every_operation_answers_any_request_without_a_server_error_or_a_hang_and_client_errors_as_problem_details()
    {
        var user = await api.SignedInUserAsync();
        var someoneElse = await api.SignedInUserAsync();
        string[] noteIds =
        [
            (await user.AddNoteAsync("First", "with a description")).Id(),
            (await user.AddNoteAsync("Second")).Id(),
            (await user.AddNoteAsync("Third")).Id(),
            (await someoneElse.AddNoteAsync("Not yours")).Id(),
        ];
        var document = new ApiDocument(await (await api.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync());
        var requests = new HostileRequests(document, noteIds);
        var sessions = new Sessions(api, user);
        var client = api.CreateClient();
        client.Timeout = AnswerWithin;

        var failures = new List<string>();
        var operations = document.Operations();
        Assert.NotEmpty(operations);
        foreach (var operation in operations)
        {
            try
            {
                await requests.For(operation).SampleAsync(
                    request => AnswersWellAsync(client, sessions, request),
                    writeLine: line => output.WriteLine($"{operation}: {line}"),
                    iter: RequestsPerOperation,
                    print: request => request.ToString());
            }
            catch (CsCheckException failure)
            {
                failures.Add($"{operation}: {failure.InnerException?.Message}\n{failure.Message}");
            }
        }

        var serverErrors = api.Entries.Select(e => $"{e.Category}: {e.Message}\n{e.Exception}").Distinct().Take(3);
        Assert.True(failures.Count == 0, string.Join("\n\n", failures)
            + "\n\nReplay: dotnet test Notes.Api.Tests -c Release --filter FullyQualifiedName~SchemaFuzzTests -e CsCheck_Seed=<seed above>"
            + $"\n\nErrors the server logged:\n{string.Join("\n\n", serverErrors)}");
    }

    static async Task AnswersWellAsync(HttpClient client, Sessions sessions, HostileRequest generated)
    {
        using var request = new HttpRequestMessage(new HttpMethod(generated.Operation.Method), generated.Url);
        var token = generated.Credential is Credential.Session or Credential.TamperedSession ? await sessions.TokenAsync(generated.Operation) : null;
        var authorization = generated.Credential switch
        {
            Credential.Session => $"Bearer {token}",
            Credential.TamperedSession => $"Bearer {token![..^2]}{(token[^2] == 'A' ? 'B' : 'A')}{token[^1]}",
            Credential.Forged => generated.ForgedAuthorization,
            _ => null,
        };
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        foreach (var (name, value) in generated.Headers)
            request.Headers.TryAddWithoutValidation(name, value);
        if (generated.Body is not null)
        {
            request.Content = new ByteArrayContent(generated.Body);
            if (generated.ContentType is not null)
                request.Content.Headers.TryAddWithoutValidation("Content-Type", generated.ContentType);
            // Sent without a length, the body's size is learnt only by reading it.
            request.Headers.TransferEncodingChunked = generated.Chunked;
        }

        using var response = await client.SendAsync(request);

        if (generated.Credential == Credential.Session && response.StatusCode == HttpStatusCode.Unauthorized)
            sessions.Refused(token!);
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status < 500, $"Answered {status}: {body}");
        if (status < 400)
            return;
        // The shape every error shares. Its instance is not compared: a path holding an escaped '%' ("%2500") is written back
        // by ASP.NET as "%00", which no longer reads as the path that was asked for.
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal(status, problem["status"]!.GetValue<int>());
        Assert.IsType<JsonArray>(problem["errors"]);
        Assert.DoesNotContain("   at ", body);
    }

    /// <summary>
    /// The fuzzing user's tokens. Most operations share one, replaced once refused (another request signed out everywhere);
    /// sign-in, refresh and sign-out may end the session they are called with, so each of their requests signs in anew.
    /// </summary>
    sealed class Sessions(ApiFactory api, TestUser user)
    {
        string? _shared = user.Token;

        public async Task<string> TokenAsync(ApiOperation operation) =>
            operation.Method == "POST" && operation.Path.StartsWith("/api/auth/", StringComparison.Ordinal)
                ? await api.SignInAsync(user.Username)
                : Volatile.Read(ref _shared) ?? (_shared = await api.SignInAsync(user.Username));

        public void Refused(string token) => Interlocked.CompareExchange(ref _shared, null, token);
    }
}
