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
        ("kind", c.kind.clone()),
        ("low", num(c.low)),
        ("high", num(c.high)),
        ("actor", opt(&c.actor)),
        ("agent", opt(&c.agent)),
        ("unit", opt(&c.unit)),
        ("place", opt(&c.place)),
        ("source", opt(&c.common.source)),
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
        let rule = case["rule"].as_str().unwrap_or("?");
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
