namespace Notes.Api.Tests.Features.Tags;

public sealed class ListTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task List_answers_each_tag_once_with_its_name_and_the_count_of_notes_carrying_it()
    {
        var user = await api.SignedInUserAsync();
        await user.AddTaggedNoteAsync("one", "work", "home");
        await user.AddTaggedNoteAsync("two", "work");
        await user.AddNoteAsync("untagged");

        var response = await user.Client.GetAsync("/api/tags");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tags = (await response.JsonAsync()).AsArray();
        Assert.Equal(["name", "count"], tags[0]!.AsObject().Select(p => p.Key));
        Assert.Equal(["home:1", "work:2"], await user.ListTagsAsync());
    }

    [Fact]
    public async Task List_of_a_user_without_tags_is_empty()
    {
        var user = await api.SignedInUserAsync();
        await user.AddNoteAsync("untagged");

        Assert.Empty(await user.ListTagsAsync());
    }

    [Fact]
    public async Task List_counts_archived_notes_but_not_those_in_the_trash()
    {
        var user = await api.SignedInUserAsync();
        await user.AddNoteWithAsync(new { title = "archived", tags = new[] { "work" }, archived = true });
        await user.AddTaggedNoteAsync("in use", "work");
        var trashed = await user.AddTaggedNoteAsync("trashed", "work", "old");
        await api.PutInTrashAsync(trashed.Id());

        Assert.Equal(["work:2"], await user.ListTagsAsync());
    }

    [Fact]
    public async Task List_is_ordered_by_name_code_point_by_code_point()
    {
        var user = await api.SignedInUserAsync();
        await user.AddTaggedNoteAsync("one", "é", "b", "仕事", "a-z", "a");
        await user.AddTaggedNoteAsync("two", "ß", "a_z", "a/z", "10", "9");

        Assert.Equal(["10:1", "9:1", "a:1", "a-z:1", "a/z:1", "a_z:1", "b:1", "ß:1", "é:1", "仕事:1"], await user.ListTagsAsync());
    }

    [Fact]
    public async Task List_counts_a_nested_tag_by_itself_apart_from_its_parent()
    {
        var user = await api.SignedInUserAsync();
        await user.AddTaggedNoteAsync("one", "work/clients");
        await user.AddTaggedNoteAsync("two", "work", "work/clients/acme");

        Assert.Equal(["work:1", "work/clients:1", "work/clients/acme:1"], await user.ListTagsAsync());
    }

    [Fact]
    public async Task List_counts_tags_in_any_letter_case_and_unicode_form_as_one_in_any_script()
    {
        var user = await api.SignedInUserAsync();
        await user.AddTaggedNoteAsync("one", "Work", "Caf\u00e9", "ΔΟΥΛΕΙΆ");
        await user.AddTaggedNoteAsync("two", "WORK", "Cafe\u0301", "δουλειά", "仕事");
        await user.AddTaggedNoteAsync("three", "work", "仕事");

        Assert.Equal(["caf\u00e9:2", "work:3", "δουλειά:2", "仕事:2"], await user.ListTagsAsync());
    }

    [Fact]
    public async Task List_counts_only_the_callers_notes()
    {
        var user = await api.SignedInUserAsync();
        var other = await api.SignedInUserAsync();
        await user.AddTaggedNoteAsync("mine", "work");
        await other.AddTaggedNoteAsync("theirs", "work", "secret");

        Assert.Equal(["work:1"], await user.ListTagsAsync());
        Assert.Equal(["secret:1", "work:1"], await other.ListTagsAsync());
    }

    [Fact]
    public async Task List_without_a_token_is_401()
    {
        await (await api.CreateClient().GetAsync("/api/tags")).ProblemAsync(HttpStatusCode.Unauthorized, "auth_required");
    }
}
