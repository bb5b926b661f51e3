using System.Net.Http.Headers;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace Notes.Api.Tests.Infrastructure;

/// <summary>
/// The document is for clients in any language: here a C# client is generated from it by NSwag, as a user of the API would,
/// compiled, and used against the API. A documented status that the API does not answer (200 for an add that answers 201)
/// makes such a client throw on success, which only using it shows.
/// </summary>
public sealed class GeneratedClientTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_NSwag_client_generated_from_the_document_signs_in_adds_reads_and_updates_a_note_and_reads_problems_by_code()
    {
        var client = await SignedInClientAsync();
        var added = await client.Call("AddNoteAsync", ("request", New(client, "AddNoteRequest", ("Title", "From a generated client"))));
        var id = Get<string>(added, "Id");
        var read = await client.Call("GetNoteAsync", ("id", id));
        var updated = await client.Call("UpdateNoteAsync", ("id", id), ("If-Match", "\"1\""), ("request", New(client, "UpdateNoteRequest", ("Title", "Changed"))));

        Assert.Equal("From a generated client", Get<string>(read, "Title"));
        Assert.Equal(2, Get<int>(updated, "Version"));
        var stale = await Assert.ThrowsAnyAsync<Exception>(() =>
            client.Call("UpdateNoteAsync", ("id", id), ("If-Match", "\"1\""), ("request", New(client, "UpdateNoteRequest", ("Title", "Lost")))));
        Assert.Equal(412, Get<int>(stale, "StatusCode"));
        // The generator makes the code enum a C# enum, whose member for "version_conflict" is Version_conflict.
        Assert.Equal("version_conflict", Get<object>(Get<object>(stale, "Result"), "Code").ToString(), ignoreCase: true);
        // The note as it is now comes typed with the conflict: the version the next If-Match names.
        Assert.Equal(2, Get<int>(Get<object>(Get<object>(stale, "Result"), "Current"), "Version"));
    }

    [Fact]
    public async Task An_NSwag_client_generated_from_the_document_lists_renames_and_deletes_a_nested_tag_by_its_catch_all_route()
    {
        var client = await SignedInClientAsync();
        await client.Call("AddNoteAsync", ("request", New(client, "AddNoteRequest", ("Title", "Tagged"), ("Tags", new List<string> { "work/clients", "home" }))));

        // The client escapes the slash in a path parameter (work%2Fclients), which the route reads as the slash it is.
        var renamed = await client.Call("RenameTagAsync", ("name", "work/clients"), ("renamed", New(client, "RenameTagBody", ("Name", "customers"))));
        await client.Call("DeleteTagAsync", ("name", "home"));
        var tags = (System.Collections.IEnumerable)(await client.Call("ListTagsAsync"))!;

        Assert.Equal(("customers", 1), (Get<string>(renamed, "Name"), Get<int>(renamed, "Count")));
        Assert.Equal(["customers:1"], tags.Cast<object>().Select(t => $"{Get<string>(t, "Name")}:{Get<int>(t, "Count")}"));
        var unknown = await Assert.ThrowsAnyAsync<Exception>(() => client.Call("DeleteTagAsync", ("name", "work/clients")));
        Assert.Equal(404, Get<int>(unknown, "StatusCode"));
    }

    async Task<GeneratedClient> SignedInClientAsync()
    {
        var client = await CompileClientAsync(api.CreateClient());
        var username = Users.NewName();
        await client.Call("RegisterAsync", ("request", New(client, "RegisterRequest", ("Username", username), ("Password", Users.Password))));
        var token = await client.Call("LoginAsync", ("request", New(client, "LoginRequest", ("Username", username), ("Password", Users.Password))));
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Get<string>(token, "Token"));
        return client;
    }

    /// <summary>A generated client: its compiled assembly, an instance on this HTTP client, and a way to call its operations.</summary>
    sealed record GeneratedClient(Assembly Assembly, object Instance, HttpClient Http)
    {
        /// <summary>
        /// Calls an operation with its arguments by name, as the document names them (<c>If-Match</c> is the generator's
        /// <c>if_Match</c>); the ones left out, optional, at their defaults.
        /// </summary>
        public async Task<object?> Call(string operation, params (string Name, object? Value)[] arguments)
        {
            // The overload that takes every parameter, a cancellation token last.
            var method = Instance.GetType().GetMethods().Where(m => m.Name == operation).MaxBy(m => m.GetParameters().Length)
                ?? throw new InvalidOperationException($"The client has no {operation}.");
            var values = method.GetParameters()
                .Select(p => arguments.FirstOrDefault(a => Key(a.Name) == Key(p.Name!)) is { Name: not null } given ? given.Value
                    : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None
                    : p.HasDefaultValue ? p.DefaultValue
                    : throw new ArgumentException($"{operation} needs its {p.Name}.", nameof(arguments)))
                .ToArray();
            var task = (Task)method.Invoke(Instance, values)!;
            await task;
            var result = task.GetType().GetProperty("Result")!.GetValue(task);
            return result?.GetType().Name == "VoidTaskResult" ? null : result;
        }

        static string Key(string name) => new([.. name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
    }

    async Task<GeneratedClient> CompileClientAsync(HttpClient http)
    {
        var document = await OpenApiDocument.FromJsonAsync(await http.GetStringAsync("/openapi/v1.json"));
        var code = new CSharpClientGenerator(document, new CSharpClientGeneratorSettings
        {
            ClassName = "NotesClient",
            UseBaseUrl = false,
            GenerateOptionalParameters = true,
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
            CSharpGeneratorSettings = { Namespace = "Generated", JsonLibrary = NJsonSchema.CodeGeneration.CSharp.CSharpJsonLibrary.SystemTextJson },
        }).GenerateFile();

        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "GeneratedNotesClient",
            [CSharpSyntaxTree.ParseText(code)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        var assembly = Assembly.Load(image.ToArray());
        return new GeneratedClient(assembly, Activator.CreateInstance(assembly.GetType("Generated.NotesClient")!, http)!, http);
    }

    static object New(GeneratedClient client, string schema, params (string Property, object Value)[] values)
    {
        var instance = Activator.CreateInstance(client.Assembly.GetType($"Generated.{schema}")!)!;
        foreach (var (property, value) in values)
            instance.GetType().GetProperty(property)!.SetValue(instance, value);
        return instance;
    }

    static T Get<T>(object? instance, string property) => (T)instance!.GetType().GetProperty(property)!.GetValue(instance)!;
}
