// The next-step rules on the phone, for a checklist that could not be sent. The rules are
// not written here: they are the server's own list (screening/frontline/rules.py, RULES and
// NOTED), exported as JSON into the service worker's configuration. This file only reads
// that list, as the server's holds() and what_was_noted() do; a test runs both over every
// combination of the answers and compares (tests/frontline/test_offline_rules.py).
(function (root) {
  "use strict";

  function holds(condition, facts) {
    if (condition === true) { return true; }
    var operator = condition[0];
    switch (operator) {
      case "is": return facts[condition[1]] === condition[2];
      case "in": return condition[2].indexOf(facts[condition[1]]) !== -1;
      case "flag": return Boolean(facts[condition[1]]);
      case "some": return facts[condition[1]] > 0;
      case "not": return !holds(condition[1], facts);
      case "all": return condition[1].every(function (part) { return holds(part, facts); });
      case "any": return condition[1].some(function (part) { return holds(part, facts); });
    }
    throw new Error("unknown operator " + operator);
  }

  function nextSteps(rules, facts) {
    return rules.steps
      .filter(function (rule) { return holds(rule[1], facts); })
      .map(function (rule) { return rule[0]; });
  }

  // answered: [[slug, section, answer], ...] for the signs answered yes or not sure.
  function noted(rules, answered) {
    var facts = {};
    Object.keys(rules.noted).forEach(function (fact) {
      var spec = rules.noted[fact];
      facts[fact] = answered.some(function (item) {
        return spec.answers.indexOf(item[2]) !== -1 &&
          ((spec.slugs || []).indexOf(item[0]) !== -1 || (spec.sections || []).indexOf(item[1]) !== -1);
      });
    });
    return facts;
  }

  function kindsNeeded(rules, steps) {
    var kinds = [];
    steps.forEach(function (code) {
      (rules.stepKinds[code] || []).forEach(function (kind) {
        if (kinds.indexOf(kind) === -1) { kinds.push(kind); }
      });
    });
    function order(kind) { return kind in rules.kindOrder ? rules.kindOrder[kind] : 99; }
    return kinds.sort(function (a, b) { return order(a) - order(b); });
  }

  var api = { holds: holds, nextSteps: nextSteps, noted: noted, kindsNeeded: kindsNeeded };
  if (typeof module !== "undefined" && module.exports) { module.exports = api; }
  else { root.RRRules = api; }
})(this);
