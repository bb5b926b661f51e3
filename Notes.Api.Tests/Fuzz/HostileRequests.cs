using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Notes.Api.Features.Notes;

namespace Notes.Api.Tests.Fuzz;

/// <summary>
/// Requests for every operation of an OpenAPI document, built from its schemas and made to break them: values the schema allows,
/// values of the wrong type, missing and extra members, hostile and huge text (lone surrogates, NUL, emoji, right-to-left marks,
/// bodies past the size limit), text that is not JSON, junk in the path, the query and the headers, and every kind of credential.
/// All randomness is CsCheck's, so a failure shrinks and replays from its seed.
/// </summary>
public sealed class HostileRequests
{
    const int MaxBodyBytes = (int)NoteContent.MaxBodyBytes;

    /// <summary>Text that has broken parsers, databases and string handling before.</summary>
    static readonly Gen<string> Tricky = Gen.OneOf(
        "", " ", "\0", "a\0b", "\uD800", "\uDFFF", "x\uD83D", "\uDE00x", "😀", "👩‍👩‍👧", "\u202Eevil", "שלום", "مرحبا", "\uFEFF", "\uFFFE",
        "\uFFFF", "\u0085", "\u2028", "\r\n", "\t", "İ", "ß", "ﬃ", "%", "%00", "%ZZ", "'", "\"", "\\", "\\u0000", "{\"$gt\":\"\"}", "$where",
        "$ne", "a.b", "_id", "..", "../../etc/passwd", "<script>", "null", "true", "[]", "{}", "-1", "0", "1e309", "NaN", "-0",
        "9223372036854775808", "(a+)+$", "[", "*");

    /// <summary>Words in common use for query values that a schema does not list (sort orders, flags).</summary>
    static readonly string[] CommonWords = ["asc", "desc", "true", "false"];

    static readonly Gen<string> NumberJunk = Gen.OneOf<string>(
        Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture)),
        Gen.OneOf("", "-1", "0", "2147483647", "2147483648", "-2147483649", "21474837", "99999999999999999999999", "1.5", "1e3",
            "0x10", " 1", "1 ", "+1", "٣", "1,000", "true", "null", "NaN", "Infinity"));

    static readonly Gen<string> ForgedAuthorizations = Gen.OneOf<string>(
        Gen.OneOf("Bearer", "Bearer ", "bearer x", "Basic YTpi", "Bearer a.b.c", "Bearer ....", "Token abc", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.",
            "Bearer eyJhbGciOiJIUzI1NiJ9.e30.", "Bearer \"\""),
        Gen.String[Gen.Char[' ', '~'], 0, 300].Select(s => "Bearer " + s));

    static readonly Gen<string?> ContentTypes = Gen.OneOf<string?>(
        null, "", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-8",
        "application/json; charset=utf-16", "application/problem+json", "application/xml", "*/*", "application/json; charset=\"", "application/json");

    readonly ApiDocument _document;
    readonly Gen<string> _words;
    readonly Gen<string> _text;
    readonly Gen<string> _pieces;
    readonly Gen<string> _ids;

    /// <param name="document">The OpenAPI document.</param>
    /// <param name="knownIds">Ids of things that exist (the caller's and someone else's), so requests reach past "not found".</param>
    public HostileRequests(ApiDocument document, IReadOnlyList<string> knownIds)
    {
        _document = document;
        // Words the document itself uses are what a query value most likely has to be: a dictionary.
        _words = Gen.OneOf<string>([.. document.Words().Concat(CommonWords).Distinct()]);
        // Text is made of pieces: plain words, text that has broken things before, and any UTF-16 code unit at all.
        var piece = Gen.Frequency<string>(
            (4, Gen.String[Gen.Char.AlphaNumeric, 1, 8]),
            (2, _words),
            (3, Tricky),
            (1, Gen.Char['\0', '\uFFFF'].Select(c => c.ToString())));
        _pieces = piece.Array[1, 8].Select(string.Concat);
        _text = Gen.Frequency<string>(
            (2, _words),
            (6, piece.Array[0, 6].Select(string.Concat)),
            (1, Repeated(100, 2_000)));
        _ids = Gen.Frequency<string>(
            (3, Gen.OneOf<string>([.. knownIds])),
            (1, Gen.Byte.Array[12].Select(Convert.ToHexStringLower)));
    }

    /// <summary>
    /// Requests for one operation: each is a valid request with none to three of its parts made hostile, so most reach past the first
    /// check they could fail and the rest meet every kind of trouble.
    /// </summary>
    public Gen<HostileRequest> For(ApiOperation operation) =>
        from broken in Gen.Frequency((2, 0), (3, 1), (2, 2), (1, 3)).SelectMany(count => Gen.Shuffle(Enum.GetValues<RequestPart>(), count))
        from path in PathOf(operation, broken.Contains(RequestPart.Path))
        from query in QueryOf(operation, broken.Contains(RequestPart.Query))
        from headers in HeadersOf(operation, broken.Contains(RequestPart.Headers))
        from credential in broken.Contains(RequestPart.Credential)
            ? Gen.Frequency((1, Credential.None), (1, Credential.TamperedSession), (2, Credential.Forged))
            : Gen.Const(Credential.Session)
        from forged in ForgedAuthorizations
        from body in BodyOf(operation, broken.Contains(RequestPart.Body))
        from framing in broken.Contains(RequestPart.Framing)
            ? Gen.Select(ContentTypes, Gen.Bool)
            : Gen.Const<(string?, bool)>(("application/json", false))
        select new HostileRequest(
            operation, broken, path + query, credential, forged, headers, body is null ? null : framing.Item1, body, framing.Item2);

    // ---- the path, query and headers

    Gen<string> PathOf(ApiOperation operation, bool broken)
    {
        // Kestrel refuses a NUL in the path before the app sees it, and the in-memory test server cannot even send one.
        var hostile = Gen.Frequency<string>(
            (2, Gen.String[Gen.Char["0123456789abcdefABCDEF"], 0, 60]),
            (3, _text.Select(text => Escape(text.Replace("\0", "")))),
            (1, Gen.OneOf("%", "%FF", "%C0%AF", ".", "..", "%2e%2e", "a/b", "%2F", ";", "%20")));
        var values = operation.Parameters.Where(p => p.In == "path")
            .Select(p => (broken ? hostile : _ids).Select(value => (Name: p.Name, Value: value)))
            .ToArray();
        return values.Length == 0
            ? Gen.Const(operation.Path)
            : values.ShuffleSelect().Select(all => all.Aggregate(operation.Path, (path, p) => path.Replace($"{{{p.Name}}}", p.Value)));
    }

    Gen<string> QueryOf(ApiOperation operation, bool broken)
    {
        var pairs = operation.Parameters.Where(p => p.In == "query").Select(p =>
        {
            var valid = ValidQueryValue(p.Schema);
            var name = Escape(p.Name);
            return broken
                ? Gen.Frequency<string[]>(
                    (2, Gen.Const(Array.Empty<string>())),
                    (3, valid.Select(v => new[] { $"{name}={Escape(v)}" })),
                    (3, Gen.OneOf<string>(_text, NumberJunk).Select(v => new[] { $"{name}={Escape(v)}" })),
                    (1, Gen.OneOf<string>(valid, _text, NumberJunk).Array[2, 3].Select(vs => vs.Select(v => $"{name}={Escape(v)}").ToArray())),
                    (1, Gen.OneOf("%", "%ZZ", "&", "=", "+", "%00", "%FF", "").Select(raw => new[] { $"{name}={raw}", name })))
                : Gen.Frequency<string[]>(
                    (1, Gen.Const(Array.Empty<string>())),
                    (2, valid.Select(v => new[] { $"{name}={Escape(v)}" })));
        });
        var extra = broken
            ? Gen.Frequency<string[]>(
                (2, Gen.Const(Array.Empty<string>())),
                (1, Gen.Select(_text, _text, (name, value) => new[] { $"{Escape(name)}={Escape(value)}" })),
                (1, Gen.OneOf("userId=x", "ownerId=x", "sub=x", "$where=1", "sort[$ne]=x", "page[]=1", "&&", "=", "a=b=c").Select(raw => new[] { raw })))
            : Gen.Const(Array.Empty<string>());
        return pairs.Append(extra).ToArray().ShuffleSelect()
            .Select(all => all.SelectMany(p => p).ToArray() is { Length: > 0 } flat ? "?" + string.Join('&', flat) : "");
    }

    /// <summary>A value of the parameter's type: one it lists, or for text its default or a word the document uses more often than not.</summary>
    Gen<string> ValidQueryValue(JsonNode schema) => ApiDocument.Listed(schema) is { Length: > 0 } listed ? Gen.OneOf(listed) : ApiDocument.TypeOf(schema) switch
    {
        "integer" => Integers(schema).Select(i => i.ToString(CultureInfo.InvariantCulture)),
        "boolean" => Gen.OneOf("true", "false"),
        _ => schema["default"] is JsonValue defaultValue
            ? Gen.Frequency<string>((3, Gen.Const(defaultValue.ToString())), (2, _words), (1, _text))
            : _text,
    };

    Gen<KeyValuePair<string, string>[]> HeadersOf(ApiOperation operation, bool broken)
    {
        var headers = operation.Parameters.Where(p => p.In == "header").Select(p => Gen.Frequency<KeyValuePair<string, string>[]>(
            (1, Gen.Const(Array.Empty<KeyValuePair<string, string>>())),
            (2, (broken ? HeaderValues : EntityTags).Select(v => new[] { KeyValuePair.Create(p.Name, v) }))))
            .ToArray();
        return headers.Length == 0
            ? Gen.Const(Array.Empty<KeyValuePair<string, string>>())
            : headers.ShuffleSelect().Select(all => all.SelectMany(h => h).ToArray());
    }

    /// <summary>The one header this API reads is If-Match, whose valid values are entity tags (or any, "*").</summary>
    static readonly Gen<string> EntityTags = Gen.OneOf("*", "\"1\"", "\"2\"", "\"3\"");

    /// <summary>What a header can carry on the wire (visible ASCII), including entity tags right and wrong.</summary>
    static readonly Gen<string> HeaderValues = Gen.OneOf<string>(
        Gen.OneOf("*", "\"1\"", "\"2\"", "W/\"1\"", "\"0\"", "\"-1\"", "\"01\"", "\"99999999999\"", "\"1\", \"2\"", "\"\"", "\"", "1", " \"1\" ", ""),
        Gen.String[Gen.Char[' ', '~'], 0, 40],
        Gen.Select(Gen.Char[' ', '~'], Gen.Int[100, 8_000], (c, n) => new string(c, n)));

    // ---- bodies

    Gen<byte[]?> BodyOf(ApiOperation operation, bool broken) => (operation.BodySchema, broken) switch
    {
        (null, false) => Gen.Const((byte[]?)null),
        (null, true) => Gen.OneOf<byte[]?>(AnyJson().Select(AsBody), NotJson([])),
        ({ } schema, false) => Valid(schema).Select(AsBody),
        ({ } schema, true) => Gen.Frequency<byte[]?>(
            (4, OffSchema(schema).Select(AsBody)),
            (1, AnyJson().Select(AsBody)),
            (1, NotJson(_document.PropertyNames(schema)))),
    };

    /// <summary>
    /// JSON text the schema allows, as far as a generator can tell: a pattern is approximated by letters and digits, and strings
    /// without one hold any text at all (emoji, right-to-left marks, NUL, lone surrogates), as a schema's "string" allows.
    /// </summary>
    Gen<string> Valid(JsonNode schema)
    {
        schema = _document.Resolve(schema);
        var value = ApiDocument.TypeOf(schema) switch
        {
            "object" => Members(schema).Select(ObjectText),
            "string" => ValidString(schema).Select(Quote),
            "integer" => Integers(schema).Select(i => i.ToString(CultureInfo.InvariantCulture)),
            "number" => Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "0"),
            "boolean" => Gen.OneOf("true", "false"),
            "array" => Valid(schema["items"] ?? new JsonObject()).Array[0, 4].Select(items => $"[{string.Join(',', items)}]"),
            _ => AnyJson(),
        };
        return ApiDocument.IsNullable(schema) ? Gen.Frequency<string>((1, Gen.Const("null")), (5, value)) : value;
    }

    Gen<(string Name, string Json)[]> Members(JsonNode schema)
    {
        var required = schema["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
        var members = (schema["properties"]?.AsObject() ?? []).Select(p =>
            Gen.Select(Valid(p.Value!), required.Contains(p.Key) ? Gen.Const(true) : Gen.Int[0, 3].Select(i => i > 0),
                (json, present) => (Name: p.Key, Json: present ? json : null))).ToArray();
        return members.Length == 0
            ? Gen.Const(Array.Empty<(string, string)>())
            : members.ShuffleSelect().Select(all => all.Where(m => m.Json is not null).Select(m => (m.Name, m.Json!)).ToArray());
    }

    Gen<string> ValidString(JsonNode schema)
    {
        if (ApiDocument.Listed(schema) is { Length: > 0 } listed)
            return Gen.OneOf(listed);
        var pattern = schema["pattern"]?.GetValue<string>();
        var quantifier = pattern is null ? null : Regex.Match(pattern, @"\{(\d+),(\d+)\}");
        var min = schema["minLength"]?.GetValue<int>() ?? (quantifier is { Success: true } ? int.Parse(quantifier.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
        var max = schema["maxLength"]?.GetValue<int>() ?? (quantifier is { Success: true } ? int.Parse(quantifier.Groups[2].Value, CultureInfo.InvariantCulture) : 64);
        var lengths = max - min > 300 ? Gen.Frequency<int>((3, Gen.Int[min, min + 40]), (1, Gen.Int[max - 10, max])) : Gen.Int[min, max];
        var text = pattern is not null
            ? Gen.Char.AlphaNumeric.Array[lengths].Select(c => new string(c))
            : Gen.Select(_pieces, lengths, (pieces, length) => pieces.PadRight(length, 'a')[..length]);
        return schema["default"] is JsonValue defaultValue ? Gen.Frequency<string>((1, Gen.Const(defaultValue.ToString())), (4, text)) : text;
    }

    /// <summary>Integers within the schema's bounds; without bounds, the small positive ones that counts and sizes usually are.</summary>
    static Gen<int> Integers(JsonNode schema) =>
        Gen.Int[(int)(schema["minimum"]?.GetValue<double>() ?? 1), (int)(schema["maximum"]?.GetValue<double>() ?? 100)];

    /// <summary>The schema's object with one to three things wrong: a value of the wrong type, null, hostile or huge; a member missing, extra or twice.</summary>
    Gen<string> OffSchema(JsonNode schema)
    {
        schema = _document.Resolve(schema);
        var names = _document.PropertyNames(schema);
        if (names.Length == 0)
            return AnyJson();
        var wrongValue = Gen.OneOf<string>(AnyJson(), _text.Select(Quote), Gen.Const("null"), Huge.Select(Quote));
        var extraNames = Gen.OneOf<string>(Gen.OneOf("id", "_id", "userId", "ownerId", "sub", "version", "$where", "$set", "__proto__", ""), _text);
        var change = Gen.Frequency<Change>(
            (3, Gen.Select(Gen.OneOf(names), wrongValue, (name, json) => new Change(name, json, Twice: false))),
            (2, Gen.OneOf(names).Select(name => new Change(name, null, Twice: false))),
            (2, Gen.Select(extraNames, AnyJson(), (name, json) => new Change(name, json, Twice: false))),
            (1, Gen.Select(Gen.OneOf(names), AnyJson(), (name, json) => new Change(name, json, Twice: true))));
        return Gen.Select(Members(schema), change.Array[1, 3], (members, changes) => ObjectText(changes.Aggregate(members.ToList(), Apply).ToArray()));
    }

    sealed record Change(string Name, string? Json, bool Twice);

    static List<(string Name, string Json)> Apply(List<(string Name, string Json)> members, Change change)
    {
        if (!change.Twice)
            members.RemoveAll(m => m.Name == change.Name);
        if (change.Json is not null)
            members.Add((change.Name, change.Json));
        return members;
    }

    /// <summary>Text up to and past the request body limit.</summary>
    static readonly Gen<string> Huge = Repeated(MaxBodyBytes - 256, MaxBodyBytes + 4_096);

    static Gen<string> Repeated(int minLength, int maxLength) =>
        Gen.Select(Gen.OneOf<string>(Gen.Char.AlphaNumeric.Select(c => c.ToString()), Tricky.Where(t => t.Length > 0)), Gen.Int[minLength, maxLength],
            (unit, length) => new StringBuilder(length + unit.Length).Insert(0, unit, length / unit.Length + 1).ToString(0, length));

    /// <summary>Any JSON at all, a few levels deep, with hostile text in its strings and names.</summary>
    Gen<string> AnyJson() => Gen.Recursive<string>((depth, inner) =>
    {
        var scalar = Gen.OneOf<string>(
            Gen.OneOf("null", "true", "false", "0", "-0", "1e309", "-1e309", "0.1e-400", "123456789012345678901234567890", "1.5"),
            Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture)),
            Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture)),
            _text.Select(Quote));
        return depth >= 3
            ? scalar
            : Gen.Frequency<string>(
                (4, scalar),
                (1, inner.Array[0, 4].Select(items => $"[{string.Join(',', items)}]")),
                (1, Gen.Select(_text, inner).Array[0, 4].Select(members => ObjectText([.. members]))));
    });

    /// <summary>Bodies that are not JSON: random bytes, JSON cut short, not UTF-8, nested too deep, or nearly JSON.</summary>
    Gen<byte[]?> NotJson(string[] names)
    {
        var name = names.Length == 0 ? Gen.Const("value") : Gen.OneOf(names);
        return Gen.OneOf<byte[]?>(
            Gen.Byte.Array[0, 64].Select(b => (byte[]?)b),
            Gen.Select(AnyJson(), Gen.Int[0, 60], (json, cut) => AsBody(json[..Math.Min(json.Length, cut)])),
            Gen.Select(name, Gen.Byte.Array[1, 4], (n, bytes) => (byte[]?)[.. Utf8($"{{{Quote(n)}:\""), .. bytes, .. "\"}"u8]),
            Gen.Select(name, Gen.OneOf("\\uD800", "\\uDC00x", "\\u00", "\\x41", "\\", "\\'"), (n, escape) => AsBody($"{{{Quote(n)}:\"{escape}\"}}")),
            Gen.Int[65, 5_000].Select(depth => AsBody(new string('[', depth) + new string(']', depth))),
            Gen.OneOf("", "{", "}", "[", "\"", "{\"a\":}", "\uFEFF{}", "{'a':'b'}", "{a:\"b\"}", "{\"a\":\"b\",}", "/* */{}", "NaN", "{\"a\":1e999999}",
                "{\"a\":\"b\"} trailing", "{\"a\":\"b\"}{\"a\":\"b\"}").Select(AsBody));
    }

    // ---- helpers

    static string ObjectText((string Name, string Json)[] members) => $"{{{string.Join(',', members.Select(m => $"{Quote(m.Name)}:{m.Json}"))}}}";

    /// <summary>A JSON string literal: control characters and lone surrogates escaped (so those reach the server as written), the rest raw UTF-8.</summary>
    static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (pair)
                quoted.Append(c).Append(text[++i]);
            else if (c is '"' or '\\')
                quoted.Append('\\').Append(c);
            else if (char.IsControl(c) || char.IsSurrogate(c))
                quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            else
                quoted.Append(c);
        }
        return quoted.Append('"').ToString();
    }

    /// <summary>Percent-encodes the UTF-8 of anything but unreserved characters (a lone surrogate becomes U+FFFD, as on the wire).</summary>
    static string Escape(string text) =>
        string.Concat(Encoding.UTF8.GetBytes(text).Select(b => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~'
            ? ((char)b).ToString()
            : $"%{b:X2}"));

    static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    static byte[]? AsBody(string text) => Utf8(text);
}
