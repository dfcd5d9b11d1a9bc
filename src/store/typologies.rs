//! Saved typologies in the file: the `typologies` table (schema v5), reading and writing the
//! whole list, and the store operations on one typology (save, delete), each one transaction.
//! The name is three columns so the table reads plainly in QGIS; the rest of the definition
//! (state, components, normalisation, classification, missing-value rule) is one JSON text.

use std::collections::HashSet;
use std::path::Path;

use rusqlite::{Connection, Transaction, params};

use super::{
    Defect, Fault, Label, LabelKind, Problem, Row, StoreError, TypologyProblem, open_for_writing,
    sql_error,
};
use crate::analysis::typology::{
    Classification, Component, DERIVED_COMPONENTS, MissingRule, Normalisation, Typology,
    TypologyState,
};
use crate::model::{Dataset, Lang, Names, SavedTypology};

/// The name `oblys typology --name` and the Potential screen give the built-in typology; no
/// saved typology may take it.
pub const BUILT_IN_NAME: &str = "default";

/// The stored part of a definition besides its name (the JSON of the `definition` column).
#[derive(serde::Serialize, serde::Deserialize)]
struct Definition {
    state: TypologyState,
    components: Vec<Component>,
    normalisation: Normalisation,
    classification: Classification,
    missing: MissingRule,
}

/// How a saved typology is named in messages: its id and its name.
fn label(saved: &SavedTypology) -> Label {
    Label { kind: LabelKind::Typology, id: saved.id, name: Box::new(saved.typology.name.clone()) }
}

/// A refusal of `saved` while a whole dataset is written.
fn typology_fault(saved: &SavedTypology, problem: TypologyProblem) -> Fault {
    Fault::Invalid(Problem::Typology { typology: label(saved), problem })
}

/// Whether `a` and `b` share a name in some language (ignoring case and outer spaces).
fn same_name(a: &Names, b: &Names) -> bool {
    let lower = |n: &Names| {
        Lang::ALL
            .iter()
            .map(|&l| n.get(l).trim().to_lowercase())
            .filter(|s| !s.is_empty())
            .collect::<HashSet<_>>()
    };
    !lower(a).is_disjoint(&lower(b))
}

/// Why `saved` cannot be stored next to `others` in a file whose indicators are `indicators`.
fn problem(
    saved: &SavedTypology,
    others: &[SavedTypology],
    indicators: &HashSet<String>,
) -> Option<TypologyProblem> {
    let t = &saved.typology;
    if saved.id <= 0 {
        return Some(TypologyProblem::IdNotPositive(saved.id));
    }
    if Lang::ALL.iter().all(|&l| t.name.get(l).trim().is_empty()) {
        return Some(TypologyProblem::NoName);
    }
    if Lang::ALL.iter().any(|&l| t.name.get(l).trim().eq_ignore_ascii_case(BUILT_IN_NAME)) {
        return Some(TypologyProblem::BuiltInName);
    }
    if let Some(other) =
        others.iter().find(|o| o.id != saved.id && same_name(&o.typology.name, &t.name))
    {
        return Some(TypologyProblem::SameName(label(other)));
    }
    if t.components.is_empty() {
        return Some(TypologyProblem::NoComponents);
    }
    for c in &t.components {
        if !indicators.contains(&c.indicator) && !DERIVED_COMPONENTS.contains(&c.indicator.as_str())
        {
            return Some(TypologyProblem::UnknownIndicator(c.indicator.clone()));
        }
        if !(c.weight.is_finite() && c.weight >= 0.0) {
            return Some(TypologyProblem::BadWeight {
                weight: c.weight,
                indicator: c.indicator.clone(),
            });
        }
    }
    let classes = t.classification.classes();
    if classes < 2 {
        return Some(TypologyProblem::TooFewClasses(classes));
    }
    None
}

fn definition_json(t: &Typology) -> Result<String, Fault> {
    let d = Definition {
        state: t.state,
        components: t.components.clone(),
        normalisation: t.normalisation,
        classification: t.classification,
        missing: t.missing,
    };
    serde_json::to_string(&d)
        .map_err(|e| Fault::text(format!("the typology cannot be written: {e}")))
}

/// Inserts `saved`, or replaces it when its id exists.
fn write_typology(tx: &Transaction, saved: &SavedTypology) -> Result<(), Fault> {
    let t = &saved.typology;
    tx.execute(
        "INSERT INTO typologies (typology_id, name_kk, name_ru, name_en, definition)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (typology_id) DO UPDATE SET name_kk = excluded.name_kk,
           name_ru = excluded.name_ru, name_en = excluded.name_en,
           definition = excluded.definition",
        params![saved.id, t.name.kk, t.name.ru, t.name.en, definition_json(t)?],
    )
    .map_err(|e| Fault::Sql("writing typologies", e))?;
    Ok(())
}

/// Checks every saved typology of `ds` and writes them all.
pub(super) fn write_typologies(tx: &Transaction, ds: &Dataset) -> Result<(), Fault> {
    let indicators: HashSet<String> = ds.indicators.iter().map(|i| i.key.clone()).collect();
    let mut ids = HashSet::new();
    for saved in &ds.typologies {
        if !ids.insert(saved.id) {
            return Err(typology_fault(saved, TypologyProblem::IdUsedTwice));
        }
        if let Some(problem) = problem(saved, &ds.typologies, &indicators) {
            return Err(typology_fault(saved, problem));
        }
        write_typology(tx, saved)?;
    }
    Ok(())
}

/// Every saved typology, by id. A row whose definition is not a valid typology is an error
/// naming the table and the row.
pub(super) fn read_typologies(conn: &Connection) -> Result<Vec<SavedTypology>, Fault> {
    let context = "reading typologies";
    let mut stmt = conn
        .prepare(
            "SELECT typology_id, name_kk, name_ru, name_en, definition FROM typologies
             ORDER BY typology_id",
        )
        .map_err(|e| Fault::Sql(context, e))?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Names { kk: r.get(1)?, ru: r.get(2)?, en: r.get(3)? },
                r.get::<_, String>(4)?,
            ))
        })
        .map_err(|e| Fault::Sql(context, e))?
        .collect::<rusqlite::Result<Vec<_>>>()
        .map_err(|e| Fault::Sql(context, e))?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, name, json) in rows {
        let d: Definition = serde_json::from_str(&json).map_err(|e| {
            let row = Row::Typology { id, name: Box::new(name.clone()) };
            let defect = Defect::BadDefinition(e.to_string());
            Fault::Invalid(Problem::Damaged { table: "typologies", row, defect })
        })?;
        out.push(SavedTypology {
            id,
            typology: Typology {
                name,
                state: d.state,
                components: d.components,
                normalisation: d.normalisation,
                classification: d.classification,
                missing: d.missing,
            },
        });
    }
    Ok(out)
}

/// Saves one typology in one transaction: a new id is added, an existing id replaced. A
/// typology without a name, with the built-in name or another saved typology's name, without
/// components, with an indicator the file lacks or a negative weight is refused and the file
/// left as it was.
pub fn save_typology(path: &Path, saved: &SavedTypology) -> Result<(), StoreError> {
    let mut conn = open_for_writing(path)?;
    let tx = conn.transaction().map_err(sql_error(path, "starting the write"))?;
    let others = read_typologies(&tx).map_err(|f| f.at(path))?;
    let indicators: HashSet<String> = {
        let mut stmt = tx
            .prepare("SELECT key FROM indicators")
            .map_err(sql_error(path, "reading indicators"))?;
        stmt.query_map([], |r| r.get(0))
            .map_err(sql_error(path, "reading indicators"))?
            .collect::<rusqlite::Result<_>>()
            .map_err(sql_error(path, "reading indicators"))?
    };
    if let Some(problem) = problem(saved, &others, &indicators) {
        return Err(StoreError::Typology {
            path: path.to_owned(),
            typology: label(saved),
            problem,
        });
    }
    write_typology(&tx, saved).map_err(|f| f.at(path))?;
    tx.commit().map_err(sql_error(path, "saving the typology"))
}

/// Deletes saved typology `id` in one transaction.
pub fn delete_typology(path: &Path, id: i64) -> Result<(), StoreError> {
    let mut conn = open_for_writing(path)?;
    let tx = conn.transaction().map_err(sql_error(path, "starting the write"))?;
    let deleted = tx
        .execute("DELETE FROM typologies WHERE typology_id = ?1", [id])
        .map_err(sql_error(path, "deleting the typology"))?;
    if deleted == 0 {
        return Err(StoreError::NoSuchTypology { path: path.to_owned(), id });
    }
    tx.commit().map_err(sql_error(path, "deleting the typology"))
}

/// The saved typology named `name` in any language (ignoring case and outer spaces).
pub fn find_typology<'a>(typologies: &'a [SavedTypology], name: &str) -> Option<&'a SavedTypology> {
    let name = name.trim().to_lowercase();
    typologies
        .iter()
        .find(|s| Lang::ALL.iter().any(|&l| s.typology.name.get(l).trim().to_lowercase() == name))
}
