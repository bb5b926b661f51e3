using OtpNet;
using QRCoder;

namespace Notes.Api.Features.Account.SetUpTwoFactor;

internal sealed class Endpoint(Data data, TwoFactorSecrets secrets) : Endpoint<Request, Response>
{
    const string Issuer = "NotesSlices";

    public override void Configure()
    {
        Post("two-factor/setup");
        Group<AccountGroup>();
        Description(d => d.ProducesProblems(StatusCodes.Status409Conflict));
        Summary(s =>
        {
            s.Summary = "Start turning two-step sign-in on: a new secret for an authenticator app";
            s.Description = "Answers a new secret (160 bits, base32) to type into an authenticator app, its otpauth URI, and a QR code of " +
                "that URI as SVG. Two-step sign-in is on only once a code from the app confirms it (enableTwoFactor). Setting up again " +
                "replaces a secret not yet confirmed; the secret of two-step sign-in that is on is never shown again.";
            s.Responses[StatusCodes.Status200OK] = "The new secret; it is kept, encrypted, until a code confirms it.";
            s.Responses[StatusCodes.Status409Conflict] = "Two-step sign-in is already on (two_factor_already_enabled); turn it off first.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var secret = TwoFactorCodes.NewSecret();
        if (!await data.TryKeepPendingAsync(req.UserId, secrets.Protect(secret), ct))
        {
            await Send.ResultAsync(Problems.Of(StatusCodes.Status409Conflict, ProblemCodes.TwoFactorAlreadyEnabled, "Two-step sign-in is already on."));
            return;
        }

        var text = Base32Encoding.ToString(secret);
        // The key format authenticator apps read (Google's, which they all follow): label "issuer:account", then the secret.
        var uri = $"otpauth://totp/{Issuer}:{Uri.EscapeDataString(req.Username)}?secret={text}&issuer={Issuer}";
        await Send.OkAsync(new Response(text, uri, QrCodeSvg(uri)), ct);
    }

    static string QrCodeSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var code = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(code).GetGraphic(8);
    }
}
