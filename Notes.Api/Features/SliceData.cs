namespace Notes.Api.Features;

/// <summary>
/// Registers every slice's <c>Data</c> class (its own MongoDB queries) by convention, so adding a slice touches no shared file;
/// and the one query the notes slices share.
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
        return services;
    }
}
