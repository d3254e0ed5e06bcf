#!/usr/bin/env node
// The Cosmos DB emulator of the tests and of `--storage cosmos`: @vercel/cosmosdb-server (in memory,
// plain HTTP) behind a proxy that makes it usable by Microsoft.Azure.Cosmos in Gateway mode:
// - the SDK asks the gateway for a query plan on Linux and cannot read this server's answer: the
//   proxy answers with a plan that lets the server run the whole query itself;
// - a read of a missing item fails with 500 inside the server: the proxy answers 404 NotFound;
// - the server writes resource ids in plain base64, so one in every few databases or containers
//   gets a "/" in its id, which the SDK reads as a path separator (requests then fail with "stale
//   cache"): Cosmos DB writes "-" for "/", and so does this process once it has patched the server.
// Usage: node proxy.js [--port N] (0, the default, takes a free port). Prints one line,
// "ready http://127.0.0.1:<port>/", once it accepts requests, and exits when its standard input
// closes, so a test run that dies never leaves it behind.
"use strict";

const http = require("http");
const { createHttpServer } = require("@vercel/cosmosdb-server");
const ResourceId = require("@vercel/cosmosdb-server/lib/account/resource-id").default;

ResourceId.toBase64String = (buffer) => buffer.toString("base64").replace(/\//g, "-");
ResourceId.fromBase64String = (text) => Buffer.from(text.replace(/-/g, "/"), "base64");

const portArgument = process.argv.indexOf("--port");
const port = portArgument > 0 ? parseInt(process.argv[portArgument + 1], 10) : 0;

// A plan with no client-side step: no ORDER BY, aggregate or TOP for the SDK to redo, one range.
const queryPlan = JSON.stringify({
  partitionedQueryExecutionInfoVersion: 2,
  queryInfo: {
    distinctType: "None",
    top: null,
    offset: null,
    limit: null,
    orderBy: [],
    orderByExpressions: [],
    groupByExpressions: [],
    groupByAliases: [],
    aggregates: [],
    groupByAliasToAggregateType: {},
    rewrittenQuery: "",
    hasSelectValue: false,
    hasNonStreamingOrderBy: false
  },
  queryRanges: [{ min: "", max: "FF", isMinInclusive: true, isMaxInclusive: false }]
});

const isItemRead = (method, url) => method === "GET" && /\/colls\/[^/]+\/docs\/[^/?]+/.test(url);

function answer(response, status, body, headers = {}) {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(body);
}

const cosmos = createHttpServer();
cosmos.listen(0, "127.0.0.1", () => {
  const upstream = cosmos.address().port;
  const proxy = http.createServer((request, response) => {
    if (String(request.headers["x-ms-cosmos-is-query-plan-request"]).toLowerCase() === "true") {
      request.resume();
      answer(response, 200, queryPlan, { "x-ms-request-charge": "0" });
      return;
    }

    const forward = http.request(
      { host: "127.0.0.1", port: upstream, method: request.method, path: request.url, headers: request.headers },
      (result) => {
        if (result.statusCode === 500 && isItemRead(request.method, request.url)) {
          result.resume();
          answer(response, 404, JSON.stringify({ code: "NotFound", message: "Entity with the specified id does not exist in the system." }), {
            "x-ms-request-charge": "1",
            "x-ms-substatus": "0"
          });
          return;
        }

        response.writeHead(result.statusCode, result.headers);
        result.pipe(response);
      }
    );
    forward.on("error", (error) => answer(response, 502, JSON.stringify({ code: "BadGateway", message: error.message })));
    request.pipe(forward);
  });
  proxy.listen(port, "127.0.0.1", () => {
    process.stdout.write(`ready http://127.0.0.1:${proxy.address().port}/\n`);
  });
});

process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => process.exit(0));
}
