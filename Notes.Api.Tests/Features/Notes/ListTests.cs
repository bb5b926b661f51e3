namespace Notes.Api.Tests.Features.Notes;

public sealed class ListTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task List_without_parameters_returns_page_1_of_20_newest_change_first()
    {
        var user = await api.SignedInUserAsync();
        var oldest = await user.AddNoteAsync("oldest");
        await user.AddNoteAsync("middle");
        await user.AddNoteAsync("newest");
        api.Clock.Advance(TimeSpan.FromMilliseconds(10));
        await user.PutNoteAsync(oldest.Id(), new { title = "oldest, changed last" });

        var list = await user.ListNotesAsync();

        Assert.Equal(1, list["page"]!.GetValue<int>());
        Assert.Equal(20, list["pageSize"]!.GetValue<int>());
        Assert.Equal(3, list.Total());
        Assert.Equal(["oldest, changed last", "newest", "middle"], list.Titles());
        Assert.Equal(["id", "title", "description", "pinned", "tags", "archived", "trashedAt", "purgeAt", "createdAt", "updatedAt", "version"], list["items"]![0]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task List_of_a_user_without_notes_is_empty()
    {
        var user = await api.SignedInUserAsync();

        var list = await user.ListNotesAsync();

        Assert.Empty(list.Titles());
        Assert.Equal(0, list.Total());
    }

    [Theory]
    [InlineData("?sort=updatedAt&order=desc", new[] { "banana", "cherry", "apple" })]
    [InlineData("?sort=updatedAt&order=asc", new[] { "apple", "cherry", "banana" })]
    [InlineData("?sort=createdAt", new[] { "cherry", "apple", "banana" })]
    [InlineData("?sort=createdAt&order=desc", new[] { "cherry", "apple", "banana" })]
    [InlineData("?sort=createdAt&order=asc", new[] { "banana", "apple", "cherry" })]
    [InlineData("?sort=title&order=asc", new[] { "apple", "banana", "cherry" })]
    [InlineData("?sort=title&order=desc", new[] { "cherry", "banana", "apple" })]
    [InlineData("?order=asc", new[] { "apple", "cherry", "banana" })]
    public async Task List_sorts_by_the_requested_field_and_order(string query, string[] expected)
    {
        var user = await api.SignedInUserAsync();
        var banana = await user.AddNoteAsync("banana");
        api.Clock.Advance(TimeSpan.FromMilliseconds(10));
        await user.AddNoteAsync("apple");
        api.Clock.Advance(TimeSpan.FromMilliseconds(10));
        await user.AddNoteAsync("cherry");
        api.Clock.Advance(TimeSpan.FromMilliseconds(10));
        await user.PutNoteAsync(banana.Id(), new { title = "banana" });

        var list = await user.ListNotesAsync(query);

        Assert.Equal(expected, list.Titles());
    }

    [Fact]
    public async Task List_by_title_ignores_letter_case()
    {
        var user = await api.SignedInUserAsync();
        foreach (var title in new[] { "banana", "Zebra", "apple", "Cherry" })
            await user.AddNoteAsync(title);

        var list = await user.ListNotesAsync("?sort=title&order=asc");

        Assert.Equal(["apple", "banana", "Cherry", "Zebra"], list.Titles());
    }

    [Theory]
    [InlineData("?sort=name", "sort")]
    [InlineData("?sort=", "sort")]
    [InlineData("?sort=version", "sort")]
    [InlineData("?order=up", "order")]
    [InlineData("?order=", "order")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?pageSize=101", "pageSize")]
    [InlineData("?pageSize=-1", "pageSize")]
    [InlineData("?pageSize=abc", "pageSize")]
    [InlineData("?page=0", "page")]
    [InlineData("?page=-1", "page")]
    [InlineData("?page=abc", "page")]
    [InlineData("?page=99999999999", "page")]
    public async Task List_with_an_invalid_parameter_returns_400_naming_it(string query, string field)
    {
        var user = await api.SignedInUserAsync();

        var response = await user.Client.GetAsync($"/api/notes{query}");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([field], problem.ErrorFields());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public async Task List_accepts_the_page_size_bounds(int pageSize)
    {
        var user = await api.SignedInUserAsync();
        await user.AddNoteAsync("one");
        await user.AddNoteAsync("two");

        var list = await user.ListNotesAsync($"?pageSize={pageSize}");

        Assert.Equal(pageSize, list["pageSize"]!.GetValue<int>());
        Assert.Equal(Math.Min(pageSize, 2), list.Titles().Length);
        Assert.Equal(2, list.Total());
    }

    [Fact]
    public async Task List_pages_through_all_notes_and_reports_the_total_on_every_page()
    {
        var user = await api.SignedInUserAsync();
        foreach (var title in new[] { "n1", "n2", "n3", "n4", "n5" })
            await user.AddNoteAsync(title);

        var pages = new List<JsonNode>();
        for (var page = 1; page <= 4; page++)
            pages.Add(await user.ListNotesAsync($"?page={page}&pageSize=2&sort=createdAt&order=asc"));

        Assert.Equal([["n1", "n2"], ["n3", "n4"], ["n5"], []], pages.Select(p => p.Titles()));
        Assert.All(pages, p => Assert.Equal(5, p.Total()));
        Assert.Equal([1, 2, 3, 4], pages.Select(p => p["page"]!.GetValue<int>()));
        Assert.All(pages, p => Assert.Equal(2, p["pageSize"]!.GetValue<int>()));
    }

    [Theory]
    [InlineData("list")]
    [InlineData("LIST")]
    [InlineData("LiSt")]
    public async Task List_search_matches_title_or_description_ignoring_case(string search)
    {
        var user = await api.SignedInUserAsync();
        await user.AddNoteAsync("Shopping List", "milk");
        await user.AddNoteAsync("Chores", "make a to-do list");
        await user.AddNoteAsync("Holidays", "beach");

        var list = await user.ListNotesAsync($"?search={search}&sort=title&order=asc");

        Assert.Equal(["Chores", "Shopping List"], list.Titles());
        Assert.Equal(2, list.Total());
    }

    [Fact]
    public async Task List_search_matches_substrings_and_pages_the_matches()
    {
        var user = await api.SignedInUserAsync();
        await user.AddNoteAsync("meeting one");
        await user.AddNoteAsync("meeting two");
        await user.AddNoteAsync("meeting three");
        await user.AddNoteAsync("lunch");

        var list = await user.ListNotesAsync("?search=eeti&pageSize=2&page=2&sort=createdAt&order=asc");

        Assert.Equal(["meeting three"], list.Titles());
        Assert.Equal(3, list.Total());
    }

    [Fact]
    public async Task List_with_an_empty_search_returns_every_note()
    {
        var user = await api.SignedInUserAsync();
        await user.AddNoteAsync("one");
        await user.AddNoteAsync("two");

        var list = await user.ListNotesAsync("?search=");

        Assert.Equal(2, list.Total());
    }

    [Theory]
    [InlineData(".*(")]
    [InlineData("[a-z]+")]
    [InlineData("^")]
    [InlineData("$")]
    [InlineData("\\")]
    [InlineData("|")]
    [InlineData("(")]
    [InlineData(")")]
    [InlineData("*")]
    [InlineData("?")]
    [InlineData("{2}")]
    [InlineData("[")]
    [InlineData(".")]
    [InlineData("\\d")]
    [InlineData("a b")]
    public async Task List_search_takes_regex_metacharacters_literally(string search)
    {
        var user = await api.SignedInUserAsync();
        await user.AddNoteAsync($"has {search} inside");
        await user.AddNoteAsync("plain words", "ab 12");

        var list = await user.ListNotesAsync($"?search={Uri.EscapeDataString(search)}");

        Assert.Equal([$"has {search} inside"], list.Titles());
        Assert.Equal(1, list.Total());
    }

    [Theory]
    [InlineData("café")]
    [InlineData("😀")]
    [InlineData("日本")]
    [InlineData("a\0b")]
    [InlineData("tab\there")]
    public async Task List_search_finds_text_beyond_ascii(string search)
    {
        var user = await api.SignedInUserAsync();
        await user.AddNoteAsync($"note with {search}");
        await user.AddNoteAsync("plain words");

        var list = await user.ListNotesAsync($"?search={Uri.EscapeDataString(search)}");

        Assert.Equal([$"note with {search}"], list.Titles());
    }

    [Theory]
    [InlineData("über", "ÜBER ALLES")]
    [InlineData("ÜBER", "über alles")]
    [InlineData("cafe", "Café au lait")]
    [InlineData("café", "CAFE AU LAIT")]
    [InlineData("ΟΔΟΣ", "μια οδός")]
    [InlineData("οδος", "ΜΙΑ ΟΔΌΣ")]
    [InlineData("strasse", "Hauptstraße")]
    [InlineData("ｆｉｌｅ", "file")]
    [InlineData("Москва", "москва")]
    public async Task List_search_ignores_letter_case_and_accents_in_every_script(string search, string title)
    {
        var user = await api.SignedInUserAsync();
        await user.AddNoteAsync(title);
        await user.AddNoteAsync("something else");

        Assert.Equal([title], (await user.ListNotesAsync($"?search={Uri.EscapeDataString(search)}")).Titles());
    }

    [Fact]
    public async Task List_search_finds_text_stored_decomposed_with_a_query_composed_and_the_other_way_round()
    {
        var user = await api.SignedInUserAsync();
        var decomposed = "Cre\u0300me bru\u0302le\u0301e";
        await user.AddNoteAsync("dessert", decomposed);
        await user.AddNoteAsync("Crème");

        Assert.Equal(["dessert"], (await user.ListNotesAsync($"?search={Uri.EscapeDataString("brûlée")}")).Titles());
        Assert.Equal(["Crème", "dessert"], (await user.ListNotesAsync($"?search={Uri.EscapeDataString(decomposed[..6])}&sort=title&order=asc")).Titles());
    }

    [Theory]
    [InlineData("%EF%BF%BE")]
    [InlineData("caf%C3%A9%EF%BF%BF")]
    public async Task List_search_holding_a_noncharacter_unicode_cannot_normalise_finds_nothing_instead_of_failing(string search)
    {
        var user = await api.SignedInUserAsync();
        await user.AddNoteAsync("café");

        var list = await user.ListNotesAsync($"?search={search}");

        Assert.Equal(0, list.Total());
    }
}
