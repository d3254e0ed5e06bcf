namespace LegalAidReferral.Functions.Http;

/// <summary>A body already serialized with the API's conventions, which <see cref="JsonBodyResult"/> sends as it is.</summary>
public sealed record SerializedJson(byte[] Utf8);
