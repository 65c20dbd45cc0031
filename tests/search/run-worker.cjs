// Runs the site's search worker outside a browser: node run-worker.cjs WORKER INDEX QUERY...
// Prints the worker's answer to each query (a JSON list), as Material's search would receive it.
const fs = require("fs");
const vm = require("vm");

const [workerPath, indexPath, ...queries] = process.argv.slice(2);
let handler = null;
const answers = [];
const context = {
  addEventListener: (type, listener) => { if (type === "message") handler = listener; },
  postMessage: message => answers.push(message),
};
vm.createContext(context);
vm.runInContext(fs.readFileSync(workerPath, "utf8"), context);
handler({ data: { type: 0, data: JSON.parse(fs.readFileSync(indexPath, "utf8")) } });
for (const query of queries) handler({ data: { type: 2, data: query } });
// The worker answers once its documents are ready (a promise): print when every answer is in.
setTimeout(() => console.log(JSON.stringify(answers.slice(1).map(answer => answer.data))), 0);
