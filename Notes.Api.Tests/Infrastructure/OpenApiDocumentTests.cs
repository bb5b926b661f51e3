using FluentValidation;
using FluentValidation.Validators;
using Notes.Api.Features.Notes;
using Notes.Api.Infrastructure.Http;
using List = Notes.Api.Features.Notes.List;
using Register = Notes.Api.Features.Auth.Register;

namespace Notes.Api.Tests.Infrastructure;

/// <summary>
/// The served OpenAPI document, read as a client generator in another language reads it: every real status with its headers, short
/// names, the validators' limits, one problem schema, and the bearer scheme exactly where a token is needed.
/// </summary>
public sealed class OpenApiDocumentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static readonly Dictionary<string, string> OperationIds = new()
    {
        ["post /api/auth/register"] = "register",
        ["post /api/auth/login"] = "login",
        ["post /api/auth/refresh"] = "refresh",
        ["post /api/auth/logout"] = "logout",
        ["post /api/auth/logout-all"] = "logoutAll",
        ["get /api/auth/me"] = "me",
        ["get /api/auth/sessions"] = "listSessions",
        ["delete /api/auth/sessions/{id}"] = "endSession",
        ["get /api/account"] = "getAccount",
        ["put /api/account/password"] = "changePassword",
        ["delete /api/account"] = "deleteAccount",
        ["post /api/account/two-factor/setup"] = "setUpTwoFactor",
        ["post /api/account/two-factor/enable"] = "enableTwoFactor",
        ["delete /api/account/two-factor"] = "disableTwoFactor",
        ["post /api/account/tokens"] = "createToken",
        ["get /api/account/tokens"] = "listTokens",
        ["delete /api/account/tokens/{id}"] = "revokeToken",
        ["get /api/notes"] = "listNotes",
        ["post /api/notes"] = "addNote",
        ["get /api/notes/{id}"] = "getNote",
        ["put /api/notes/{id}"] = "updateNote",
        ["patch /api/notes/{id}"] = "patchNote",
        ["delete /api/notes/{id}"] = "deleteNote",
        ["delete /api/trash"] = "emptyTrash",
        ["get /api/notes/{id}/revisions"] = "listRevisions",
        ["get /api/notes/{id}/revisions/{version}"] = "getRevision",
        ["post /api/notes/{id}/revisions/{version}/restore"] = "restoreRevision",
        ["post /api/notes/{id}/shares"] = "createShare",
        ["get /api/notes/{id}/shares"] = "listShares",
        ["delete /api/notes/{id}/shares/{shareId}"] = "revokeShare",
        ["get /api/shared/{token}"] = "readShare",
        ["get /api/tags"] = "listTags",
        ["put /api/tags/{name}"] = "renameTag",
        ["delete /api/tags/{name}"] = "deleteTag",
        ["get /api/export"] = "export",
        ["post /api/import"] = "import",
        ["get /healthz"] = "health",
        ["get /healthz/live"] = "live",
    };

    static readonly string[] Anonymous = ["post /api/auth/register", "post /api/auth/login", "get /healthz", "get /healthz/live", "get /api/shared/{token}"];

    [Fact]
    public async Task Every_operation_has_a_short_stable_operation_id_and_a_description()
    {
        var operations = await OperationsAsync();

        Assert.Equal(
            OperationIds.OrderBy(o => o.Key),
            operations.Select(o => KeyValuePair.Create(o.Key, o.Operation["operationId"]!.GetValue<string>())).OrderBy(o => o.Key));
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Operation["description"]?.GetValue<string>()), $"{o.Key} has a description"));
    }

    [Fact]
    public async Task Schema_names_are_short_and_none_is_built_from_a_namespace()
    {
        var names = (await DocumentAsync())["components"]!["schemas"]!.AsObject().Select(s => s.Key).ToList();

        Assert.Subset(names.ToHashSet(), new HashSet<string> { "NoteResponse", "ListNotesResponse", "TokenResponse", "Account", "Problem", "FieldError", "RegisterRequest" });
        Assert.All(names, name => Assert.Matches("^[A-Z][A-Za-z]+$", name));
        Assert.All(names, name => Assert.DoesNotContain("NotesApi", name));
        Assert.All(names, name => Assert.DoesNotContain("FastEndpoints", name));
    }

    [Fact]
    public async Task Adding_a_note_is_documented_as_201_with_Location_and_ETag()
    {
        var responses = (await DocumentAsync())["paths"]!["/api/notes"]!["post"]!["responses"]!.AsObject();

        Assert.False(responses.ContainsKey("200"));
        var headers = responses["201"]!["headers"]!.AsObject();
        Assert.True(headers.ContainsKey("Location"));
        Assert.True(headers.ContainsKey("ETag"));
        Assert.Equal("#/components/schemas/NoteResponse", responses["201"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reading_and_rewriting_a_note_document_its_ETag()
    {
        var paths = (await DocumentAsync())["paths"]!;

        Assert.NotNull(paths["/api/notes/{id}"]!["get"]!["responses"]!["200"]!["headers"]!["ETag"]);
        Assert.NotNull(paths["/api/notes/{id}"]!["put"]!["responses"]!["200"]!["headers"]!["ETag"]);
    }

    [Fact]
    public async Task A_tag_s_catch_all_route_is_documented_as_a_plain_path_parameter_and_renaming_takes_the_new_name_as_its_body()
    {
        var paths = (await DocumentAsync())["paths"]!.AsObject();

        Assert.All(paths.Select(p => p.Key), path => Assert.DoesNotContain("*", path));
        foreach (var method in new[] { "put", "delete" })
        {
            var name = Assert.Single(paths["/api/tags/{name}"]![method]!["parameters"]!.AsArray())!;
            Assert.Equal(("name", "path", true), (name["name"]!.GetValue<string>(), name["in"]!.GetValue<string>(), name["required"]!.GetValue<bool>()));
            Assert.Contains("%2F", name["description"]!.GetValue<string>());
        }
        Assert.Null(paths["/api/tags/{name}"]!["delete"]!["requestBody"]);
        var body = paths["/api/tags/{name}"]!["put"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        Assert.Equal("#/components/schemas/RenameTagBody", body);
        var schemas = (await DocumentAsync())["components"]!["schemas"]!;
        Assert.Equal(["name"], schemas["RenameTagBody"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.Null(schemas["RenameTagRequest"]);
    }

    [Fact]
    public async Task If_Match_is_documented_by_its_exact_name_with_what_it_holds_and_the_412_a_stale_one_brings()
    {
        var update = (await DocumentAsync())["paths"]!["/api/notes/{id}"]!["put"]!;

        var ifMatch = update["parameters"]!.AsArray().Single(p => p!["in"]!.GetValue<string>() == "header")!;
        Assert.Equal("If-Match", ifMatch["name"]!.GetValue<string>());
        var description = ifMatch["description"]!.GetValue<string>();
        Assert.Contains("\"<version>\"", description);
        Assert.Contains("412", description);
        Assert.NotNull(update["responses"]!["412"]);
    }

    [Fact]
    public async Task The_revisions_list_takes_the_notes_list_s_page_bounds_and_restoring_documents_if_match_and_the_etag()
    {
        var paths = (await DocumentAsync())["paths"]!;

        var bounds = (string path) => paths[path]!["get"]!["parameters"]!.AsArray().Where(p => p!["in"]!.GetValue<string>() == "query")
            .ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["schema"]!.ToJsonString());
        var notes = bounds("/api/notes");
        Assert.Equal(["page", "pageSize"], bounds("/api/notes/{id}/revisions").Select(p => p.Key));
        Assert.All(bounds("/api/notes/{id}/revisions"), p => Assert.Equal(notes[p.Key], p.Value));
        var restore = paths["/api/notes/{id}/revisions/{version}/restore"]!["post"]!;
        Assert.Equal("If-Match", restore["parameters"]!.AsArray().Single(p => p!["in"]!.GetValue<string>() == "header")!["name"]!.GetValue<string>());
        Assert.NotNull(restore["responses"]!["200"]!["headers"]!["ETag"]);
        Assert.Null(restore["requestBody"]);
        Assert.Equal("#/components/schemas/NoteResponse", restore["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_429_and_503_documents_Retry_After()
    {
        var throttled = (await OperationsAsync())
            .SelectMany(o => o.Operation["responses"]!.AsObject().Where(r => r.Key is "429" or "503").Select(r => (o.Key, Status: r.Key, Response: r.Value!)))
            .ToList();

        Assert.Contains(throttled, r => r.Status == "429");
        Assert.Contains(throttled, r => r.Status == "503");
        Assert.All(throttled, r => Assert.True(r.Response["headers"]?["Retry-After"] is not null, $"{r.Key} {r.Status} documents Retry-After"));
    }

    [Fact]
    public async Task A_note_s_title_and_description_carry_the_limits_the_validator_checks()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!;

        foreach (var name in new[] { "AddNoteRequest", "UpdateNoteRequest" })
        {
            var schema = schemas[name]!;
            Assert.Contains("title", schema["required"]!.AsArray().Select(r => r!.GetValue<string>()));
            Assert.Equal(1, schema["properties"]!["title"]!["minLength"]!.GetValue<int>());
            Assert.Equal(NoteContent.MaxTitleLength, schema["properties"]!["title"]!["maxLength"]!.GetValue<int>());
            Assert.Equal(NoteContent.MaxDescriptionLength, schema["properties"]!["description"]!["maxLength"]!.GetValue<int>());
        }
        var patchTitle = schemas["PatchNoteRequest"]!["properties"]!["title"]!;
        Assert.Equal(1, patchTitle["minLength"]!.GetValue<int>());
        Assert.Equal(NoteContent.MaxTitleLength, patchTitle["maxLength"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("AddNoteRequest")]
    [InlineData("PatchNoteRequest")]
    public async Task A_note_s_tags_carry_the_limits_the_tag_rule_checks(string name)
    {
        var tags = (await DocumentAsync())["components"]!["schemas"]![name]!["properties"]!["tags"]!;

        Assert.Equal(Notes.Api.Features.Notes.Tag.MaxPerNote, tags["maxItems"]!.GetValue<int>());
        Assert.Equal(1, tags["items"]!["minLength"]!.GetValue<int>());
        Assert.Equal(Notes.Api.Features.Notes.Tag.MaxLength, tags["items"]!["maxLength"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_list_parameters_carry_the_validator_s_bounds_and_the_values_it_allows()
    {
        var parameters = (await DocumentAsync())["paths"]!["/api/notes"]!["get"]!["parameters"]!.AsArray()
            .ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["schema"]!);
        var validator = new List.Request.Validator();

        Assert.Equal(Rule<ILengthValidator>(validator, "search").Max, parameters["search"]["maxLength"]!.GetValue<int>());
        foreach (var parameter in new[] { "page", "pageSize" })
        {
            var bounds = Rule<IBetweenValidator>(validator, parameter);
            Assert.Equal(Convert.ToDouble(bounds.From), parameters[parameter]["minimum"]!.GetValue<double>());
            Assert.Equal(Convert.ToDouble(bounds.To), parameters[parameter]["maximum"]!.GetValue<double>());
        }
        Assert.Equal(List.Data.SortFields.Order(), Values(parameters["sort"]["enum"]!).Order());
        Assert.Equal(["asc", "desc"], Values(parameters["order"]["enum"]!).Order());
    }

    [Fact]
    public async Task Registration_documents_the_validator_s_username_pattern_in_the_portable_regex_subset_and_both_lengths()
    {
        var properties = (await DocumentAsync())["components"]!["schemas"]!["RegisterRequest"]!["properties"]!;
        var validator = new Register.Request.Validator();

        var pattern = properties["username"]!["pattern"]!.GetValue<string>();
        Assert.Equal(Rule<IRegularExpressionValidator>(validator, "username").Expression, pattern);
        Assert.DoesNotContain("(?", pattern);
        Assert.DoesNotContain(@"\z", pattern);
        var usernameLength = Rule<ILengthValidator>(validator, "username");
        Assert.Equal(usernameLength.Min, properties["username"]!["minLength"]!.GetValue<int>());
        Assert.Equal(usernameLength.Max, properties["username"]!["maxLength"]!.GetValue<int>());
        var length = Rule<ILengthValidator>(validator, "password");
        Assert.Equal(length.Min, properties["password"]!["minLength"]!.GetValue<int>());
        Assert.Equal(length.Max, properties["password"]!["maxLength"]!.GetValue<int>());
    }

    [Fact]
    public async Task Every_error_response_is_the_one_problem_schema_whose_code_lists_every_code_and_which_holds_no_defaults()
    {
        var document = await DocumentAsync();

        var errors = (await OperationsAsync())
            .SelectMany(o => o.Operation["responses"]!.AsObject().Where(r => r.Key[0] is '4' or '5').Select(r => (Operation: o.Key, Status: r.Key, Response: r.Value!)))
            .ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(
            e.Status == "412" ? "#/components/schemas/VersionConflictProblem"
            : e is { Operation: "post /api/import", Status: "409" } ? "#/components/schemas/QuotaProblem"
            : "#/components/schemas/Problem",
            e.Response["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>()));
        var problem = document["components"]!["schemas"]!["Problem"]!;
        Assert.Equal(
            ["type", "title", "status", "detail", "instance", "traceId", "code", "errors"],
            problem["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(ProblemCodes.All, Values(problem["properties"]!["code"]!["enum"]!));
        Assert.Equal("#/components/schemas/FieldError", problem["properties"]!["errors"]!["items"]!["$ref"]!.GetValue<string>());
        Assert.DoesNotContain("\"default\"", problem.ToJsonString() + document["components"]!["schemas"]!["FieldError"]!.ToJsonString());
    }

    [Fact]
    public async Task Every_412_is_the_problem_with_the_note_as_it_is_now_as_current()
    {
        var document = await DocumentAsync();

        var stale = (await OperationsAsync()).Where(o => o.Operation["responses"]!["412"] is not null).Select(o => o.Key).ToList();
        Assert.Equal(["patch /api/notes/{id}", "post /api/notes/{id}/revisions/{version}/restore", "put /api/notes/{id}"], stale.Order());
        var schemas = document["components"]!["schemas"]!;
        var conflict = schemas["VersionConflictProblem"]!;
        var problem = schemas["Problem"]!["properties"]!.AsObject().Select(p => p.Key);
        Assert.Equal([.. problem, "current"], conflict["properties"]!.AsObject().Select(p => p.Key));
        Assert.Contains("current", conflict["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("#/components/schemas/NoteResponse", conflict["properties"]!["current"]!["$ref"]!.GetValue<string>());
        Assert.Equal(ProblemCodes.All, Values(conflict["properties"]!["code"]!["enum"]!));
    }

    [Fact]
    public async Task Operations_anyone_may_call_need_no_token_and_every_other_names_the_bearer_scheme()
    {
        var document = await DocumentAsync();

        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>());
        foreach (var (key, operation) in await OperationsAsync())
        {
            var security = operation["security"]!.AsArray();
            if (Anonymous.Contains(key))
                Assert.Empty(security);
            else
                Assert.Equal("bearer", Assert.Single(Assert.Single(security)!.AsObject()).Key);
        }
    }

    [Fact]
    public async Task The_document_names_its_server_and_declares_every_tag_it_uses_with_a_description()
    {
        var document = await DocumentAsync();

        Assert.Equal("/", Assert.Single(document["servers"]!.AsArray())!["url"]!.GetValue<string>());
        var declared = document["tags"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!["description"]?.GetValue<string>());
        var used = (await OperationsAsync()).SelectMany(o => Values(o.Operation["tags"]!)).ToHashSet();
        Assert.Equal(used.Order(), declared.Keys.Order());
        Assert.All(declared, tag => Assert.False(string.IsNullOrWhiteSpace(tag.Value), $"tag {tag.Key} has a description"));
    }

    async Task<JsonNode> DocumentAsync() => await (await api.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();

    async Task<List<(string Key, JsonNode Operation)>> OperationsAsync() =>
    [
        .. from path in (await DocumentAsync())["paths"]!.AsObject()
           from operation in path.Value!.AsObject()
           select ($"{operation.Key} {path.Key}", operation.Value!),
    ];

    static string[] Values(JsonNode array) => [.. array.AsArray().Select(v => v!.GetValue<string>())];

    /// <summary>The one rule of a kind on a member, named as the API names it (FastEndpoints' validators use the JSON names).</summary>
    static T Rule<T>(IValidator validator, string member) =>
        validator.CreateDescriptor().GetValidatorsForMember(member).Select(v => v.Validator).OfType<T>().Single();
}
