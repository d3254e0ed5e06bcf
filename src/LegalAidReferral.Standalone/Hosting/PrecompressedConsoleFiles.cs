using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace LegalAidReferral.Standalone.Hosting;

/// <summary>
/// Serves the console's files outside <c>/_framework</c> (the index page, stylesheets, scripts, the
/// component libraries' <c>_content</c>) compressed, from the <c>.br</c> and <c>.gz</c> copies the
/// Blazor build writes beside them (a publish writes both, a build only gzip): the request is pointed
/// at the copy the browser accepts (Brotli, else gzip), answered with <c>Content-Encoding</c> and the
/// original file's type. <c>/_framework</c> files get the same from <c>UseBlazorFrameworkFiles</c>.
/// </summary>
public static class PrecompressedConsoleFiles
{
    private static readonly (string Encoding, string Extension)[] Copies = [("br", ".br"), ("gzip", ".gz")];
    private static readonly FileExtensionContentTypeProvider Types = new();
    private static readonly object OriginalPath = new();

    /// <summary>Points a GET or HEAD of a console file that has compressed copies at the one the request accepts; call before the static files.</summary>
    public static void UsePrecompressedConsoleFiles(this WebApplication app)
    {
        var files = app.Environment.WebRootFileProvider;
        app.Use((context, next) =>
        {
            var path = context.Request.Path.Value;
            if (context.GetEndpoint() is null
                && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                && path is not null
                && Types.TryGetContentType(path, out _)
                && HasCopies(files, path))
            {
                context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
                if (Preferred(context.Request, files, path) is { } copy)
                {
                    context.Items[OriginalPath] = path;
                    context.Request.Path = path + copy.Extension;
                    context.Response.Headers.ContentEncoding = copy.Encoding;
                }
            }

            return next(context);
        });
    }

    /// <summary>The static files' options: a compressed copy is sent with the type of the file it is a copy of.</summary>
    public static StaticFileOptions StaticFileOptions()
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".br"] = "application/x-brotli";
        return new StaticFileOptions
        {
            ContentTypeProvider = types,
            OnPrepareResponse = file =>
            {
                if (file.Context.Items.TryGetValue(OriginalPath, out var original) && original is string path && Types.TryGetContentType(path, out var type))
                {
                    file.Context.Response.ContentType = type;
                }
            },
        };
    }

    private static bool HasCopies(IFileProvider files, string path) => Copies.Any(c => files.GetFileInfo(path + c.Extension).Exists);

    private static (string Encoding, string Extension)? Preferred(HttpRequest request, IFileProvider files, string path)
    {
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        foreach (var copy in Copies)
        {
            if (accepted.Any(a => a.Value.Equals(copy.Encoding, StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0)
                && files.GetFileInfo(path + copy.Extension).Exists)
            {
                return copy;
            }
        }

        return null;
    }
}
