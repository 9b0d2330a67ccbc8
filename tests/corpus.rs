//! Corpus tests: the phrasings of tests/corpus/*.toml, each rule both ways.

use chrono::NaiveDate;
use toml::Value;
use warclaims::{figure, time};

fn load(name: &str) -> Value {
    let path = format!("{}/tests/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("corpus file");
    toml::from_str(&text).expect("corpus TOML")
}

fn tables<'a>(v: &'a Value, key: &str) -> Vec<&'a Value> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

fn texts(case: &Value) -> Vec<&str> {
    case["texts"]
        .as_array()
        .expect("texts")
        .iter()
        .map(|t| t.as_str().expect("text"))
        .collect()
}

fn date(v: &Value) -> NaiveDate {
    NaiveDate::parse_from_str(v.as_str().expect("date string"), "%Y-%m-%d").expect("date")
}

fn assert_none_failed(failures: &[String], n: usize) {
    assert!(
        failures.is_empty(),
        "{} of {n} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Checks that the `[[negative]]` phrasings find nothing (`found` shows what was found,
/// `[]` for nothing); returns how many were checked.
fn negatives(corpus: &Value, failures: &mut Vec<String>, found: impl Fn(&str) -> String) -> usize {
    let mut n = 0;
    for case in tables(corpus, "negative") {
        let rule = case["rule"].as_str().unwrap_or("?");
        for text in texts(case) {
            n += 1;
            let shown = found(text);
            if shown != "[]" {
                failures.push(format!("[not {rule}] {text:?}: {shown}"));
            }
        }
    }
    n
}

#[test]
fn figure_corpus() {
    let corpus = load("figures.toml");
    let mut failures = Vec::new();
    let mut n = 0;
    for case in tables(&corpus, "case") {
        let rule = case["rule"].as_str().unwrap_or("?");
        let low = case.get("low").and_then(Value::as_integer);
        let high = case.get("high").and_then(Value::as_integer);
        let approx = case.get("approx").and_then(Value::as_bool).unwrap_or(false);
        let qualifier = case.get("qualifier").and_then(Value::as_str);
        for text in texts(case) {
            n += 1;
            let found = figure::parse(text);
            if found.len() != 1 {
                failures.push(format!(
                    "[{rule}] {text:?}: {} figures {found:?}",
                    found.len()
                ));
                continue;
            }
            let b = figure::resolve(&found[0]);
            if (b.low, b.high, b.approx) != (low, high, approx) {
                failures.push(format!("[{rule}] {text:?}: got {b:?}"));
            }
            if qualifier.is_some() && found[0].qualifier.as_deref() != qualifier {
                failures.push(format!(
                    "[{rule}] {text:?}: qualifier {:?}",
                    found[0].qualifier
                ));
            }
        }
    }
    n += negatives(&corpus, &mut failures, |t| {
        format!("{:?}", figure::parse(t))
    });
    assert!(n >= 100, "the figure corpus shrank to {n} phrasings");
    assert_none_failed(&failures, n);
}

#[test]
fn time_corpus() {
    let corpus = load("times.toml");
    let default_p = date(&corpus["published"]);
    let mut failures = Vec::new();
    let mut n = 0;
    for case in tables(&corpus, "case") {
        let rule = case["rule"].as_str().unwrap_or("?");
        let p = case.get("published").map_or(default_p, date);
        let (start, end) = (date(&case["start"]), date(&case["end"]));
        for text in texts(case) {
            n += 1;
            let found = time::parse(text);
            if found.len() != 1 {
                failures.push(format!(
                    "[{rule}] {text:?}: {} matches {found:?}",
                    found.len()
                ));
                continue;
            }
            match time::resolve(&found[0].expr, Some(p)) {
                Ok(r) if (r.start, r.end) == (start, end) => {}
                other => failures.push(format!("[{rule}] {text:?}: {other:?}")),
            }
        }
    }
    for case in tables(&corpus, "unresolved") {
        let rule = case["rule"].as_str().unwrap_or("?");
        let reason = case["reason"].as_str().unwrap_or("");
        for text in texts(case) {
            n += 1;
            let found = time::parse(text);
            match found
                .first()
                .map(|m| time::resolve(&m.expr, Some(default_p)))
            {
                Some(Err(why)) if found.len() == 1 && why.contains(reason) => {}
                other => failures.push(format!("[unresolved {rule}] {text:?}: {other:?}")),
            }
        }
    }
    n += negatives(&corpus, &mut failures, |t| format!("{:?}", time::parse(t)));
    assert!(n >= 70, "the time corpus shrank to {n} phrasings");
    assert_none_failed(&failures, n);
}

#[test]
fn relative_dates_need_the_publication_date() {
    let m = &time::parse("on Friday")[0];
    assert!(time::resolve(&m.expr, None).is_err());
    let m = &time::parse("in May 2015")[0];
    assert!(
        time::resolve(&m.expr, None).is_ok(),
        "a stated year needs no P"
    );
}

/// Formats a claim's fields as `key=value` pairs for comparing with the corpus.
fn claim_fields(c: &warclaims::extract::ClaimRow) -> Vec<(&'static str, String)> {
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let num = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
    vec![
        ("kind", c.kind.as_str().to_owned()),
        ("low", num(c.low)),
        ("high", num(c.high)),
        ("actor", opt(&c.actor)),
        ("agent", opt(&c.agent)),
        ("unit", opt(&c.unit)),
        ("place", opt(&c.place)),
        ("source", opt(&c.common.source)),
        ("rule", c.rule.as_str().to_owned()),
    ]
}

/// Formats a control event's fields as `key=value` pairs for comparing with the corpus.
fn control_fields(c: &warclaims::extract::ControlRow) -> Vec<(&'static str, String)> {
    vec![
        ("action", c.action.as_str().to_owned()),
        ("place", c.place.clone()),
        ("actor", c.actor.clone()),
        ("from_actor", c.from_actor.clone().unwrap_or_default()),
        ("rule", c.rule.as_str().to_owned()),
    ]
}

fn wanted_matches(wanted: &Value, got: &[(&'static str, String)]) -> bool {
    let Some(table) = wanted.as_table() else {
        return false;
    };
    table.iter().all(|(k, v)| {
        let want = match v {
            Value::String(s) => s.clone(),
            Value::Integer(n) => n.to_string(),
            other => other.to_string(),
        };
        got.iter().any(|(gk, gv)| gk == k && *gv == want)
    })
}

#[test]
fn claim_corpus() {
    use warclaims::article::Article;
    use warclaims::extract::extract_article;
    use warclaims::lexicon::Lexicon;
    let corpus = load("claims.toml");
    let lexicon = Lexicon::default_lexicon().expect("default lexicon");
    let run = |text: &str, published: &str| {
        let mut a = Article::new("t", text);
        a.set_published_given(NaiveDate::parse_from_str(published, "%Y-%m-%d").expect("published"));
        extract_article(&a, &lexicon).claims
    };
    let mut failures = Vec::new();
    let mut n = 0;
    for case in tables(&corpus, "case") {
        n += 1;
        let rule = case
            .get("rule")
            .or_else(|| case.get("article"))
            .and_then(Value::as_str)
            .unwrap_or("?");
        let text = case["text"].as_str().expect("text");
        let published = case
            .get("published")
            .and_then(Value::as_str)
            .unwrap_or("2016-03-27");
        let claims = run(text, published);
        let got: Vec<_> = claims.iter().map(claim_fields).collect();
        let shown = || format!("{got:?}");
        if let Some(count) = case.get("count").and_then(Value::as_integer) {
            if claims.len() as i64 != count {
                failures.push(format!(
                    "[{rule}] {text:?}: {} claims, want {count}: {}",
                    claims.len(),
                    shown()
                ));
                continue;
            }
        }
        for wanted in case["claims"].as_array().expect("claims") {
            if !got.iter().any(|g| wanted_matches(wanted, g)) {
                failures.push(format!(
                    "[{rule}] {text:?}: no claim like {wanted}: {}",
                    shown()
                ));
            }
        }
    }
    assert!(n >= 150, "the claim corpus shrank to {n} cases");
    n += negatives(&corpus, &mut failures, |text| {
        format!(
            "{:?}",
            run(text, "2016-03-27")
                .iter()
                .map(claim_fields)
                .collect::<Vec<_>>()
        )
    });
    assert_none_failed(&failures, n);
}

/// Extracts one text as an article published on `published` (default 2016-03-27).
fn extract_text(text: &str, published: Option<&str>) -> warclaims::extract::ArticleResult {
    use warclaims::article::Article;
    use warclaims::lexicon::Lexicon;
    let lexicon = Lexicon::default_lexicon().expect("default lexicon");
    let mut a = Article::new("t", text);
    let p = published.unwrap_or("2016-03-27");
    a.set_published_given(NaiveDate::parse_from_str(p, "%Y-%m-%d").expect("published"));
    warclaims::extract::extract_article(&a, &lexicon)
}

#[test]
fn control_corpus() {
    let corpus = load("control.toml");
    let mut failures = Vec::new();
    let mut n = 0;
    for case in tables(&corpus, "case") {
        n += 1;
        let article = case["article"].as_str().unwrap_or("?");
        let text = case["text"].as_str().expect("text");
        let published = case.get("published").and_then(Value::as_str);
        let got: Vec<_> = extract_text(text, published)
            .control
            .iter()
            .map(control_fields)
            .collect();
        if let Some(count) = case.get("count").and_then(Value::as_integer) {
            if got.len() as i64 != count {
                failures.push(format!(
                    "[{article}] {text:?}: {} events, want {count}: {got:?}",
                    got.len()
                ));
            }
        }
        for wanted in case["events"].as_array().expect("events") {
            if !got.iter().any(|g| wanted_matches(wanted, g)) {
                failures.push(format!(
                    "[{article}] {text:?}: no event like {wanted}: {got:?}"
                ));
            }
        }
    }
    assert!(n >= 100, "the control corpus shrank to {n} cases");
    n += negatives(&corpus, &mut failures, |text| {
        format!(
            "{:?}",
            extract_text(text, None)
                .control
                .iter()
                .map(control_fields)
                .collect::<Vec<_>>()
        )
    });
    assert_none_failed(&failures, n);
}

/// Every rule is exercised by the corpora, by sentences of at least two articles (one
/// exception, with its reason).
#[test]
fn every_rule_has_corpus_cases() {
    use std::collections::{HashMap, HashSet};
    use warclaims::extract::rules::{CLAIM_RULES, CONTROL_RULES};
    let mut articles: HashMap<String, HashSet<String>> = HashMap::new();
    for (file, key) in [("claims.toml", "claims"), ("control.toml", "events")] {
        let corpus = load(file);
        for case in tables(&corpus, "case") {
            let article = case
                .get("article")
                .and_then(Value::as_str)
                .unwrap_or(case["text"].as_str().unwrap_or(""));
            for wanted in case[key].as_array().into_iter().flatten() {
                if let Some(rule) = wanted.get("rule").and_then(Value::as_str) {
                    articles
                        .entry(rule.to_owned())
                        .or_default()
                        .insert(article.to_owned());
                }
            }
        }
    }
    let names = CLAIM_RULES
        .iter()
        .map(|r| r.as_str())
        .chain(CONTROL_RULES.iter().map(|r| r.as_str()));
    // money-loss: the corpora hold one real sentence of money lost ("$2m (£1.6m) of losses
    // to the group", seeds 001); it needs one case, the others two articles.
    let enough = |r: &str| if r == "money-loss" { 1 } else { 2 };
    let thin: Vec<String> = names
        .filter(|r| articles.get(*r).map_or(0, HashSet::len) < enough(r))
        .map(|r| format!("{r}: {:?}", articles.get(r)))
        .collect();
    assert!(
        thin.is_empty(),
        "rules with cases from fewer than two articles: {thin:?}"
    );
}
