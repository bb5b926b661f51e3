namespace Notes.Api.Features;

/// <summary>
/// Registers every slice's <c>Data</c> class (its own MongoDB queries) by convention, so adding a slice touches no shared file;
/// and what the slices of an area share: the not-found answer and the one way to change a note, a note's history as it is shown,
/// the one way to rewrite a tag, where a note stands for its links; the proof a grave account change asks for, and what an account owns, with the sweep that
/// finishes interrupted deletions.
/// </summary>
internal static class SliceData
{
    public static IServiceCollection AddSliceData(this IServiceCollection services)
    {
        var slices = typeof(SliceData).Assembly.GetTypes()
            .Where(t => t.Name == "Data" && t.Namespace?.StartsWith(typeof(SliceData).Namespace + ".", StringComparison.Ordinal) == true);
        foreach (var data in slices)
            services.AddScoped(data);
        services.AddScoped<Notes.NotFound>();
        services.AddScoped<Notes.NoteWriter>();
        services.AddScoped<Revisions.History>();
        // A singleton: the trash's purge job, one itself, uses it too.
        services.AddSingleton<Notes.NoteRemoval>();
        services.AddScoped<Tags.TagRewriter>();
        services.AddScoped<Shares.SharedNote>();
        services.AddScoped<Account.Reauthentication>();
        services.AddSingleton<Account.AccountData>();
        services.AddHostedService<Account.AccountDeletionSweep>();
        return services;
    }
}
