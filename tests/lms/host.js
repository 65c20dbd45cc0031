// The test LMS: hosts one SCO with scorm-again and logs every API call with its error code.
(function () {
  "use strict";

  var METHODS = {
    "1.2": ["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSGetLastError",
      "LMSGetErrorString", "LMSGetDiagnostic"],
    "2004": ["Initialize", "Terminate", "GetValue", "SetValue", "Commit", "GetLastError", "GetErrorString",
      "GetDiagnostic"]
  };

  window.calls = [];

  // start(standard, data, launch): data is what the LMS kept (loadFromJSON's shape); launch is the
  // SCO's address with the manifest's parameters.
  window.startSco = function (standard, data, launch) {
    var runtime = standard === "1.2" ? new window.Scorm12API({ logLevel: 5 }) : new window.Scorm2004API({ logLevel: 5 });
    runtime.loadFromJSON(data || {}, "");
    var lastError = standard === "1.2" ? "LMSGetLastError" : "GetLastError";
    var api = {};
    METHODS[standard].forEach(function (name) {
      api[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        var result = runtime[name].apply(runtime, args);
        window.calls.push({ method: name, args: args.map(String), result: String(result),
          error: String(runtime[lastError]()) });
        return result;
      };
    });
    window.runtime = runtime;
    window[standard === "1.2" ? "API" : "API_1484_11"] = api;
    document.getElementById("sco").src = launch;
  };

  // end(): the learner leaves (the frame is emptied); returns what the runtime recorded.
  window.endSco = function () {
    document.getElementById("sco").src = "about:blank";
  };

  window.recorded = function () {
    return window.runtime.renderCMIToJSONObject().cmi;
  };
})();
