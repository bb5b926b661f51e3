using Microsoft.AspNetCore.Cors.Infrastructure;

namespace Notes.Api.Infrastructure.Http;

/// <summary>
/// The dashboard is served from the API's own origin and needs no CORS. Other sites' pages may call the API only from the
/// origins listed in Http:AllowedOrigins; with none listed (the default) the app speaks no CORS at all, so browsers keep every
/// answer from them.
/// </summary>
internal static class CrossOrigin
{
    const string Key = "Http:AllowedOrigins";

    public static IServiceCollection AddCrossOrigin(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection(Key).Get<string[]>() ?? [];
        if (origins.Length == 0)
            return services;

        foreach (var origin in origins)
        {
            // Browsers send an Origin as scheme://host[:port], which is what a listed entry must equal to ever match.
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || !string.Equals(origin, uri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException(
                    $"{Key} holds '{origin}', which is not an origin: write scheme://host[:port] with no path or trailing slash, such as https://notes.example.com.");
        }

        // Tokens travel in the Authorization header, never in cookies, so credentials stay disallowed.
        return services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .AllowAnyMethod()
            .AllowAnyHeader()
            .WithExposedHeaders("ETag", "Location", "Retry-After")));
    }

    /// <summary>Answers preflights and marks allowed answers, when AddCrossOrigin found origins to allow.</summary>
    public static IApplicationBuilder UseCrossOrigin(this IApplicationBuilder app) =>
        app.ApplicationServices.GetService<ICorsService>() is null ? app : app.UseCors();
}
