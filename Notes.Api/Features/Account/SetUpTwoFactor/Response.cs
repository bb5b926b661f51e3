namespace Notes.Api.Features.Account.SetUpTwoFactor;

/// <summary>A new secret for the authenticator app: as text to type, as an otpauth URI, and as a QR code of that URI.</summary>
internal sealed record Response(string Secret, string OtpauthUri, string QrCodeSvg);
