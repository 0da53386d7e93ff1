#!/usr/bin/env node
// A recording TWS stand-in: answers the handshake as a server at version 178, sends
// NEXT_VALID_ID and MANAGED_ACCTS after START_API (so clients consider themselves connected),
// answers nothing else, and records every frame the client sends after its hello until it
// disconnects. Used by compare_requests.js; run alone (`node record_server.js [port]`) it prints
// each connection's recording as one JSON line.
"use strict";
const net = require("net");
const { frame, splitFields, ServerSideReader } = require("./tws_wire");

const SERVER_VERSION = "178";
const CONNECTION_TIME = "20260302 09:30:00 EST";
const NEXT_VALID_ID = 1000;
const ACCOUNT = "DU1234567";

// Resolves to { port, next(): Promise<recording>, close() }. A recording is
// { hello, frames: [Buffer payload], error } in the order the frames arrived.
function startRecordServer(port = 0) {
  const waiting = [];   // resolvers for next()
  const finished = [];  // recordings nobody asked for yet
  const deliver = (recording) => {
    const resolve = waiting.shift();
    if (resolve) resolve(recording); else finished.push(recording);
  };
  const server = net.createServer((socket) => {
    const recording = { hello: null, frames: [], error: null };
    let done = false;
    const finish = () => { if (!done) { done = true; deliver(recording); } };
    const reader = new ServerSideReader(
      (hello) => {
        recording.hello = hello;
        socket.write(frame([SERVER_VERSION, CONNECTION_TIME]));
      },
      (payload) => {
        recording.frames.push(Buffer.from(payload));
        if (splitFields(payload)[0] === "71") {  // START_API
          socket.write(Buffer.concat([frame(["9", "1", String(NEXT_VALID_ID)]),
                                      frame(["15", "1", ACCOUNT])]));
        }
      });
    socket.on("data", (chunk) => {
      try { reader.push(chunk); } catch (e) { recording.error = e.message; socket.destroy(); }
    });
    socket.on("error", (e) => { recording.error = recording.error ?? e.message; });
    socket.on("close", finish);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      resolve({
        port: server.address().port,
        next: () => (finished.length ? Promise.resolve(finished.shift())
                                     : new Promise((r) => waiting.push(r))),
        close: () => new Promise((r) => server.close(r)),
      });
    });
  });
}

module.exports = { startRecordServer, NEXT_VALID_ID, ACCOUNT, SERVER_VERSION };

if (require.main === module) {
  (async () => {
    const recorder = await startRecordServer(Number(process.argv[2] ?? 0));
    console.log(`listening ${recorder.port}`);
    for (;;) {
      const r = await recorder.next();
      console.log(JSON.stringify({ hello: r.hello, error: r.error,
                                   frames: r.frames.map((f) => splitFields(f)) }));
    }
  })();
}
