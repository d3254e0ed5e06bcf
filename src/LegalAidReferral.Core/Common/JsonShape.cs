using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace LegalAidReferral.Core.Common;

/// <summary>
/// Checks a JSON document against the shape of the input type it will be read into, before it is
/// read, so that every wrong field is reported with its own reason (unknown field, wrong type,
/// repeated key, text that is not valid Unicode) instead of only the first one the reader meets.
/// The shape comes from the serializer's own metadata, so it is the shape that will be read.
/// </summary>
public static class JsonShape
{
    private const string Repeated = "This field appears more than once.";
    private const string NotText = "Not valid Unicode text (invalid UTF-8 or an unpaired surrogate).";

    /// <summary>Longer names a caller made up, or ones the text rule rejects, are not echoed back as error keys.</summary>
    private const int MaxEchoedName = 64;

    public static ValidationErrors Check(JsonElement document, Type type, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ValidationErrors();
        Walk(document, type, options, string.Empty, errors);
        return errors;
    }

    private static void Walk(JsonElement element, Type type, JsonSerializerOptions options, string path, ValidationErrors errors)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (element.ValueKind == JsonValueKind.Null)
        {
            if (underlying is null && type.IsValueType)
            {
                errors.Add(Field(path), Expected(type));
            }

            return;
        }

        type = underlying ?? type;
        if (typeof(JsonNode).IsAssignableFrom(type))
        {
            if (type == typeof(JsonObject) && element.ValueKind != JsonValueKind.Object)
            {
                errors.Add(Field(path), "Must be a JSON object.");
                return;
            }

            WalkAny(element, path, errors);
            return;
        }

        var info = options.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                WalkObject(element, info, options, path, errors);
                break;
            case JsonTypeInfoKind.Enumerable when element.ValueKind == JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, info.ElementType!, options, $"{path}[{index++}]", errors);
                }

                break;
            case JsonTypeInfoKind.Enumerable:
                errors.Add(Field(path), "Must be an array.");
                break;
            default:
                if (!Fits(element, type))
                {
                    errors.Add(Field(path), element.ValueKind == JsonValueKind.String && type == typeof(string) ? NotText : Expected(type));
                }

                break;
        }
    }

    private static void WalkObject(JsonElement element, JsonTypeInfo info, JsonSerializerOptions options, string path, ValidationErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(Field(path), "Must be a JSON object.");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (NameOf(property, path, errors) is { } name)
            {
                var declared = info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
                if (declared is null)
                {
                    errors.Add(Echoed(path, name), "Unknown field.");
                }
                else if (!seen.Add(name))
                {
                    errors.Add(Child(path, name), Repeated);
                }
                else
                {
                    Walk(property.Value, declared.PropertyType, options, Child(path, name), errors);
                }
            }
        }
    }

    /// <summary>Any JSON value (a merge patch, for instance): only repeated keys and invalid text are errors.</summary>
    private static void WalkAny(JsonElement element, string path, ValidationErrors errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (NameOf(property, path, errors) is not { } name)
                    {
                        continue;
                    }

                    if (!seen.Add(name))
                    {
                        errors.Add(Echoed(path, name), Repeated);
                        continue;
                    }

                    WalkAny(property.Value, Child(path, name), errors);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    WalkAny(item, $"{path}[{index++}]", errors);
                }

                break;
            case JsonValueKind.String when !IsText(element):
                errors.Add(Field(path), NotText);
                break;
        }
    }

    private static bool Fits(JsonElement element, Type type) => element.ValueKind switch
    {
        JsonValueKind.String => type == typeof(string) && IsText(element),
        JsonValueKind.True or JsonValueKind.False => type == typeof(bool),
        JsonValueKind.Number when type == typeof(int) => element.TryGetInt32(out _),
        JsonValueKind.Number when type == typeof(decimal) => element.TryGetDecimal(out _),
        _ => false,
    };

    private static string Expected(Type type) =>
        type == typeof(string) ? "Must be a string."
        : type == typeof(bool) ? "Must be true or false."
        : type == typeof(int) ? "Must be a whole number (within 32 bits)."
        : type == typeof(decimal) ? "Must be a number."
        : "Has the wrong type.";

    // The reader decodes text only when asked, and refuses invalid UTF-8 and unpaired surrogate escapes then.
    private static bool IsText(JsonElement element)
    {
        try
        {
            _ = element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string? NameOf(JsonProperty property, string path, ValidationErrors errors)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            errors.Add(Field(path), "A field name is not valid Unicode text.");
            return null;
        }
    }

    private static string Echoed(string path, string name) =>
        name.Length <= MaxEchoedName && TextRule.Apply(name, MaxEchoedName, multiline: false).Problem is null ? Child(path, name) : Field(path);

    private static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Field(string path) => path.Length == 0 ? "$" : path;
}
