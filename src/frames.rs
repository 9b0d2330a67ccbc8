//! Rows to Arrow record batches, in the column order and types of the claims model.
//! Strings are Utf8View so Polars takes them without copying; offsets become Python
//! `str` indices here, once per article.

use crate::article::Article;
use crate::error::{Error, Result};
use crate::extract::{ArticleResult, Common};
use crate::offsets::CharOffsets;
use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Int64Builder, LargeListBuilder, StringViewBuilder, UInt32Builder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use chrono::NaiveDate;
use rayon::prelude::*;
use std::sync::Arc;

/// The three output tables.
pub struct Frames {
    pub articles: RecordBatch,
    /// The claims in batches (at least one), in article order.
    pub claims: Vec<RecordBatch>,
    /// The control events in batches (at least one), in article order.
    pub control: Vec<RecordBatch>,
}

/// Articles per batch of row tables, at least: small inputs make one batch.
const MIN_ARTICLES_PER_BATCH: usize = 512;

fn days(d: NaiveDate) -> i32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or(NaiveDate::MIN);
    i32::try_from((d - epoch).num_days()).unwrap_or(i32::MIN)
}

fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn text_field(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Utf8View, nullable)
}

/// The `articles` schema.
pub fn articles_schema() -> Schema {
    Schema::new(vec![
        text_field("article_id", false),
        text_field("title", true),
        text_field("outlet", true),
        text_field("url", true),
        Field::new("published", DataType::Date32, true),
        text_field("published_basis", false),
        text_field("text", false),
        Field::new("n_claims", DataType::UInt32, false),
        Field::new("n_control", DataType::UInt32, false),
        Field::new(
            "warnings",
            DataType::LargeList(Arc::new(Field::new("item", DataType::Utf8View, true))),
            false,
        ),
    ])
}

fn common_fields() -> Vec<Field> {
    vec![
        Field::new("date_start", DataType::Date32, true),
        Field::new("date_end", DataType::Date32, true),
        text_field("date_basis", false),
        text_field("time_text", true),
        text_field("source", true),
        text_field("source_text", true),
        Field::new("start", DataType::UInt32, false),
        Field::new("end", DataType::UInt32, false),
        text_field("sentence", false),
        text_field("rule", false),
    ]
}

/// The `claims` schema.
pub fn claims_schema() -> Schema {
    let mut fields = vec![
        text_field("claim_id", false),
        text_field("article_id", false),
        text_field("kind", false),
        Field::new("low", DataType::Int64, true),
        Field::new("high", DataType::Int64, true),
        Field::new("approx", DataType::Boolean, false),
        text_field("qualifier", true),
        text_field("figure_text", false),
        text_field("unit", true),
        text_field("actor", true),
        text_field("agent", true),
        text_field("place", true),
    ];
    fields.extend(common_fields());
    Schema::new(fields)
}

/// The `control` schema.
pub fn control_schema() -> Schema {
    let mut fields = vec![
        text_field("event_id", false),
        text_field("article_id", false),
        text_field("action", false),
        text_field("place", false),
        text_field("actor", false),
        text_field("from_actor", true),
    ];
    fields.extend(common_fields());
    Schema::new(fields)
}

/// Builders for the columns claims and control share.
#[derive(Default)]
struct CommonBuilders {
    date_start: Date32Builder,
    date_end: Date32Builder,
    date_basis: StringViewBuilder,
    time_text: StringViewBuilder,
    source: StringViewBuilder,
    source_text: StringViewBuilder,
    start: UInt32Builder,
    end: UInt32Builder,
    sentence: StringViewBuilder,
    rule: StringViewBuilder,
}

impl CommonBuilders {
    fn push(
        &mut self,
        c: &Common,
        text: &str,
        offsets: &CharOffsets,
        span: (usize, usize),
        rule: &str,
    ) {
        let (start, end) = span;
        self.date_start.append_option(c.date_start.map(days));
        self.date_end.append_option(c.date_end.map(days));
        self.date_basis.append_value(c.date_basis.as_str());
        self.time_text.append_option(c.time_text.as_deref());
        self.source.append_option(c.source.as_deref());
        self.source_text.append_option(c.source_text.as_deref());
        self.start.append_value(offsets.char_at(start));
        self.end.append_value(offsets.char_at(end));
        self.sentence
            .append_value(text.get(c.sentence_start..c.sentence_end).unwrap_or(""));
        self.rule.append_value(rule);
    }

    fn finish(mut self) -> Vec<ArrayRef> {
        vec![
            Arc::new(self.date_start.finish()),
            Arc::new(self.date_end.finish()),
            Arc::new(self.date_basis.finish()),
            Arc::new(self.time_text.finish()),
            Arc::new(self.source.finish()),
            Arc::new(self.source_text.finish()),
            Arc::new(self.start.finish()),
            Arc::new(self.end.finish()),
            Arc::new(self.sentence.finish()),
            Arc::new(self.rule.finish()),
        ]
    }
}

fn batch(schema: Schema, columns: Vec<ArrayRef>) -> Result<RecordBatch> {
    RecordBatch::try_new(Arc::new(schema), columns).map_err(|e| Error::Frame(e.to_string()))
}

/// Builds the three tables from articles and their extraction results (same order). The
/// row tables are built in batches of articles in parallel, beside the `articles` table.
pub fn build(articles: &[Article], results: &[ArticleResult]) -> Result<Frames> {
    if articles.len() != results.len() {
        return Err(Error::Frame(format!(
            "{} articles but {} extraction results",
            articles.len(),
            results.len()
        )));
    }
    let per_batch = articles
        .len()
        .div_ceil(2 * rayon::current_num_threads())
        .max(MIN_ARTICLES_PER_BATCH);
    let (articles_batch, rows) = rayon::join(
        || articles_table(articles, results),
        || -> Result<Vec<(RecordBatch, RecordBatch)>> {
            if articles.is_empty() {
                return Ok(vec![rows_tables(&[], &[])?]);
            }
            articles
                .par_chunks(per_batch)
                .zip(results.par_chunks(per_batch))
                .map(|(a, r)| rows_tables(a, r))
                .collect()
        },
    );
    let (claims, control) = rows?.into_iter().unzip();
    Ok(Frames {
        articles: articles_batch?,
        claims,
        control,
    })
}

/// The `articles` table.
fn articles_table(articles: &[Article], results: &[ArticleResult]) -> Result<RecordBatch> {
    let mut a_id = StringViewBuilder::new();
    let mut a_title = StringViewBuilder::new();
    let mut a_outlet = StringViewBuilder::new();
    let mut a_url = StringViewBuilder::new();
    let mut a_published = Date32Builder::new();
    let mut a_basis = StringViewBuilder::new();
    let mut a_text = StringViewBuilder::new();
    let mut a_n_claims = UInt32Builder::new();
    let mut a_n_control = UInt32Builder::new();
    let mut a_warnings = LargeListBuilder::new(StringViewBuilder::new());
    let empty = ArticleResult::default();
    for (i, article) in articles.iter().enumerate() {
        let result = results.get(i).unwrap_or(&empty);
        a_id.append_value(&article.article_id);
        a_title.append_option(article.title.as_deref());
        a_outlet.append_option(article.outlet.as_deref());
        a_url.append_option(article.url.as_deref());
        a_published.append_option(article.published.map(days));
        a_basis.append_value(article.published_basis.as_str());
        a_text.append_value(&article.text);
        a_n_claims.append_value(u32_of(result.claims.len()));
        a_n_control.append_value(u32_of(result.control.len()));
        for w in article.warnings.iter().chain(&result.warnings) {
            a_warnings.values().append_value(w);
        }
        a_warnings.append(true);
    }
    batch(
        articles_schema(),
        vec![
            Arc::new(a_id.finish()),
            Arc::new(a_title.finish()),
            Arc::new(a_outlet.finish()),
            Arc::new(a_url.finish()),
            Arc::new(a_published.finish()),
            Arc::new(a_basis.finish()),
            Arc::new(a_text.finish()),
            Arc::new(a_n_claims.finish()),
            Arc::new(a_n_control.finish()),
            Arc::new(a_warnings.finish()),
        ],
    )
}

/// The `claims` and `control` tables.
fn rows_tables(
    articles: &[Article],
    results: &[ArticleResult],
) -> Result<(RecordBatch, RecordBatch)> {
    let mut c_id = StringViewBuilder::new();
    let mut c_article = StringViewBuilder::new();
    let mut c_kind = StringViewBuilder::new();
    let mut c_low = Int64Builder::new();
    let mut c_high = Int64Builder::new();
    let mut c_approx = BooleanBuilder::new();
    let mut c_qualifier = StringViewBuilder::new();
    let mut c_figure = StringViewBuilder::new();
    let mut c_unit = StringViewBuilder::new();
    let mut c_actor = StringViewBuilder::new();
    let mut c_agent = StringViewBuilder::new();
    let mut c_place = StringViewBuilder::new();
    let mut c_common = CommonBuilders::default();

    let mut e_id = StringViewBuilder::new();
    let mut e_article = StringViewBuilder::new();
    let mut e_action = StringViewBuilder::new();
    let mut e_place = StringViewBuilder::new();
    let mut e_actor = StringViewBuilder::new();
    let mut e_from = StringViewBuilder::new();
    let mut e_common = CommonBuilders::default();

    for (article, result) in articles.iter().zip(results) {
        if result.claims.is_empty() && result.control.is_empty() {
            continue;
        }
        let id = article.article_id.as_str();
        let offsets = CharOffsets::new(&article.text);
        for c in &result.claims {
            let (s, e) = (offsets.char_at(c.start), offsets.char_at(c.end));
            c_id.append_value(format!("{id}:{}:{s}-{e}", c.kind.as_str()));
            c_article.append_value(id);
            c_kind.append_value(c.kind.as_str());
            c_low.append_option(c.low);
            c_high.append_option(c.high);
            c_approx.append_value(c.approx);
            c_qualifier.append_option(c.qualifier.as_deref());
            c_figure.append_value(&c.figure_text);
            c_unit.append_option(c.unit.as_deref());
            c_actor.append_option(c.actor.as_deref());
            c_agent.append_option(c.agent.as_deref());
            c_place.append_option(c.place.as_deref());
            c_common.push(
                &c.common,
                &article.text,
                &offsets,
                (c.start, c.end),
                c.rule.as_str(),
            );
        }
        for r in &result.control {
            let (s, e) = (offsets.char_at(r.start), offsets.char_at(r.end));
            e_id.append_value(format!("{id}:{}:{s}-{e}", r.action.as_str()));
            e_article.append_value(id);
            e_action.append_value(r.action.as_str());
            e_place.append_value(&r.place);
            e_actor.append_value(&r.actor);
            e_from.append_option(r.from_actor.as_deref());
            e_common.push(
                &r.common,
                &article.text,
                &offsets,
                (r.start, r.end),
                r.rule.as_str(),
            );
        }
    }

    let mut claim_cols: Vec<ArrayRef> = vec![
        Arc::new(c_id.finish()),
        Arc::new(c_article.finish()),
        Arc::new(c_kind.finish()),
        Arc::new(c_low.finish()),
        Arc::new(c_high.finish()),
        Arc::new(c_approx.finish()),
        Arc::new(c_qualifier.finish()),
        Arc::new(c_figure.finish()),
        Arc::new(c_unit.finish()),
        Arc::new(c_actor.finish()),
        Arc::new(c_agent.finish()),
        Arc::new(c_place.finish()),
    ];
    claim_cols.extend(c_common.finish());
    let mut control_cols: Vec<ArrayRef> = vec![
        Arc::new(e_id.finish()),
        Arc::new(e_article.finish()),
        Arc::new(e_action.finish()),
        Arc::new(e_place.finish()),
        Arc::new(e_actor.finish()),
        Arc::new(e_from.finish()),
    ];
    control_cols.extend(e_common.finish());
    Ok((
        batch(claims_schema(), claim_cols)?,
        batch(control_schema(), control_cols)?,
    ))
}

/// The figures of `text` as a table: spans (characters), bounds, qualifier, currency, rule.
pub fn figures_batch(text: &str) -> Result<RecordBatch> {
    let offsets = CharOffsets::new(text);
    let found = crate::figure::parse(text);
    let mut start = UInt32Builder::new();
    let mut end = UInt32Builder::new();
    let mut figure_text = StringViewBuilder::new();
    let mut low = Int64Builder::new();
    let mut high = Int64Builder::new();
    let mut approx = BooleanBuilder::new();
    let mut qualifier = StringViewBuilder::new();
    let mut unit = StringViewBuilder::new();
    let mut rule = StringViewBuilder::new();
    for m in &found {
        let b = crate::figure::resolve(m);
        start.append_value(offsets.char_at(m.start));
        end.append_value(offsets.char_at(m.end));
        figure_text.append_value(&text[m.start..m.end]);
        low.append_option(b.low);
        high.append_option(b.high);
        approx.append_value(b.approx);
        qualifier.append_option(m.qualifier.as_deref());
        unit.append_option(m.currency);
        rule.append_value(m.rule);
    }
    let schema = Schema::new(vec![
        Field::new("start", DataType::UInt32, false),
        Field::new("end", DataType::UInt32, false),
        text_field("figure_text", false),
        Field::new("low", DataType::Int64, true),
        Field::new("high", DataType::Int64, true),
        Field::new("approx", DataType::Boolean, false),
        text_field("qualifier", true),
        text_field("unit", true),
        text_field("rule", false),
    ]);
    batch(
        schema,
        vec![
            Arc::new(start.finish()),
            Arc::new(end.finish()),
            Arc::new(figure_text.finish()),
            Arc::new(low.finish()),
            Arc::new(high.finish()),
            Arc::new(approx.finish()),
            Arc::new(qualifier.finish()),
            Arc::new(unit.finish()),
            Arc::new(rule.finish()),
        ],
    )
}

/// The time expressions of `text` as a table, resolved against `published`; an
/// expression that cannot be resolved has null dates and its reason in `unresolved`.
pub fn times_batch(text: &str, published: Option<NaiveDate>) -> Result<RecordBatch> {
    let offsets = CharOffsets::new(text);
    let mut start = UInt32Builder::new();
    let mut end = UInt32Builder::new();
    let mut time_text = StringViewBuilder::new();
    let mut date_start = Date32Builder::new();
    let mut date_end = Date32Builder::new();
    let mut precision = StringViewBuilder::new();
    let mut unresolved = StringViewBuilder::new();
    for m in crate::time::parse(text) {
        start.append_value(offsets.char_at(m.start));
        end.append_value(offsets.char_at(m.end));
        time_text.append_value(&text[m.start..m.end]);
        match crate::time::resolve(&m.expr, published) {
            Ok(r) => {
                date_start.append_value(days(r.start));
                date_end.append_value(days(r.end));
                precision.append_value(r.precision.as_str());
                unresolved.append_null();
            }
            Err(reason) => {
                date_start.append_null();
                date_end.append_null();
                precision.append_null();
                unresolved.append_value(reason);
            }
        }
    }
    let schema = Schema::new(vec![
        Field::new("start", DataType::UInt32, false),
        Field::new("end", DataType::UInt32, false),
        text_field("time_text", false),
        Field::new("date_start", DataType::Date32, true),
        Field::new("date_end", DataType::Date32, true),
        text_field("precision", true),
        text_field("unresolved", true),
    ]);
    batch(
        schema,
        vec![
            Arc::new(start.finish()),
            Arc::new(end.finish()),
            Arc::new(time_text.finish()),
            Arc::new(date_start.finish()),
            Arc::new(date_end.finish()),
            Arc::new(precision.finish()),
            Arc::new(unresolved.finish()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_input_keeps_full_schema() {
        let f = build(&[], &[]).expect("builds");
        assert_eq!(f.articles.num_rows(), 0);
        assert_eq!(f.claims[0].num_columns(), 22);
        assert_eq!(f.control[0].num_columns(), 16);
        assert_eq!(f.articles.num_columns(), 10);
    }

    #[test]
    fn offsets_are_characters() {
        let mut a = Article::new("x", "Tadmur — 38 civilians were killed.");
        a.published = None;
        let lex = crate::lexicon::Lexicon::default_lexicon().expect("lexicon");
        let r = crate::extract::extract_article(&a, &lex);
        let f = build(&[a.clone()], &[r]).expect("builds");
        let start = f.claims[0]
            .column(18)
            .as_any()
            .downcast_ref::<arrow_array::UInt32Array>()
            .expect("u32")
            .value(0);
        let chars: Vec<char> = a.text.chars().collect();
        assert_eq!(
            chars[start as usize..start as usize + 2]
                .iter()
                .collect::<String>(),
            "38"
        );
    }

    #[test]
    fn row_tables_come_in_article_order_batches() {
        let lex = crate::lexicon::Lexicon::default_lexicon().expect("lexicon");
        let articles: Vec<Article> = (0..1_500)
            .map(|i| Article::new(format!("a{i}"), "At least 38 civilians were killed."))
            .collect();
        let results: Vec<_> = articles
            .iter()
            .map(|a| crate::extract::extract_article(a, &lex))
            .collect();
        let f = build(&articles, &results).expect("builds");
        assert!(f.claims.len() >= 2, "1,500 articles make several batches");
        let ids: Vec<String> = f
            .claims
            .iter()
            .flat_map(|b| {
                let col = b
                    .column(1)
                    .as_any()
                    .downcast_ref::<arrow_array::StringViewArray>();
                let col = col.expect("article ids");
                (0..arrow_array::Array::len(col))
                    .map(|i| col.value(i).to_owned())
                    .collect::<Vec<_>>()
            })
            .collect();
        let expected: Vec<String> = (0..1_500).map(|i| format!("a{i}")).collect();
        assert_eq!(ids, expected);
        assert!(build(&articles, &results[1..]).is_err());
    }
}
