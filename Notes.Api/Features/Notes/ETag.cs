using System.Globalization;

namespace Notes.Api.Features.Notes;

/// <summary>A note's version as a strong entity tag: version 3 is <c>"3"</c>.</summary>
internal static class ETag
{
    public static string Of(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// The version an <c>If-Match</c> header demands: null when any version will do (no header, or <c>*</c>), and 0, which no note
    /// ever has, when the header names no version this API issued, so that the update fails its precondition.
    /// </summary>
    public static int? RequiredVersion(string? ifMatch)
    {
        var value = ifMatch?.Trim();
        if (string.IsNullOrEmpty(value) || value == "*")
            return null;
        return value.Length > 2 && value[0] == '"' && value[^1] == '"'
            && int.TryParse(value.AsSpan(1, value.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            && version > 0
            && value == Of(version) // tags compare character by character: "03" is not "3"
                ? version
                : 0;
    }
}
