//! Reading administrative boundaries from a GeoJSON FeatureCollection of (Multi)Polygons keyed by
//! their ISO 3166-2 code. Geometry is returned as read; repairing it is the caller's business.

use geo::{LineString, MultiPolygon, Polygon};
use serde::Deserialize;

use super::DefaultDataError;

/// One feature: its position in the file (1-based), code and shape in lon/lat degrees.
pub(super) struct BoundaryFeature {
    pub number: usize,
    pub code: String,
    pub geometry: MultiPolygon<f64>,
}

#[derive(Deserialize)]
struct Collection {
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    properties: Properties,
    geometry: Option<Geometry>,
}

#[derive(Deserialize)]
struct Properties {
    #[serde(rename = "ISO_3166_2")]
    iso_3166_2: Option<String>,
}

type Ring = Vec<Vec<f64>>;

#[derive(Deserialize)]
#[serde(tag = "type", content = "coordinates")]
enum Geometry {
    Polygon(Vec<Ring>),
    MultiPolygon(Vec<Vec<Ring>>),
}

/// Reads every feature of `text`; each must carry `ISO_3166_2` and a (Multi)Polygon.
pub(super) fn read_boundaries(
    file: &'static str,
    text: &str,
) -> Result<Vec<BoundaryFeature>, DefaultDataError> {
    let collection: Collection = serde_json::from_str(text).map_err(|e| {
        DefaultDataError::Json { file, line: e.line(), column: e.column(), message: e.to_string() }
    })?;
    let mut out = Vec::with_capacity(collection.features.len());
    for (index, feature) in collection.features.into_iter().enumerate() {
        let number = index + 1;
        let feature_error = |problem: &str| DefaultDataError::Feature {
            file,
            feature: number,
            problem: problem.to_owned(),
        };
        let code = feature
            .properties
            .iso_3166_2
            .filter(|c| !c.trim().is_empty())
            .ok_or_else(|| feature_error("it has no ISO_3166_2 code"))?;
        let polygons = match feature.geometry {
            Some(Geometry::Polygon(rings)) => vec![rings],
            Some(Geometry::MultiPolygon(polygons)) => polygons,
            None => return Err(feature_error(&format!("{code} has no geometry"))),
        };
        let mut parts = Vec::with_capacity(polygons.len());
        for rings in polygons {
            let mut rings = rings.into_iter().map(|ring| to_line_string(&ring));
            let Some(exterior) = rings.next().transpose().map_err(|p| feature_error(&p))? else {
                return Err(feature_error(&format!("{code} has a polygon without rings")));
            };
            let interiors = rings.collect::<Result<Vec<_>, _>>().map_err(|p| feature_error(&p))?;
            parts.push(Polygon::new(exterior, interiors));
        }
        out.push(BoundaryFeature { number, code, geometry: MultiPolygon::new(parts) });
    }
    Ok(out)
}

fn to_line_string(ring: &[Vec<f64>]) -> Result<LineString<f64>, String> {
    ring.iter()
        .map(|position| match position.as_slice() {
            [x, y, ..] if x.is_finite() && y.is_finite() => Ok(geo::coord! { x: *x, y: *y }),
            _ => Err(format!("position {position:?} is not a finite [lon, lat] pair")),
        })
        .collect::<Result<Vec<_>, _>>()
        .map(LineString::new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polygon_and_multipolygon_features_are_read_with_their_codes() {
        let text = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"ISO_3166_2":"KZ-A"},"geometry":{"type":"Polygon",
             "coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},
            {"type":"Feature","properties":{"ISO_3166_2":"KZ-B"},"geometry":{"type":"MultiPolygon",
             "coordinates":[[[[2,2],[3,2],[3,3],[2,2]]],[[[5,5],[6,5],[6,6],[5,5]]]]}}]}"#;
        let features = read_boundaries("test.geojson", text).unwrap();
        assert_eq!(features.len(), 2);
        assert_eq!(features[0].code, "KZ-A");
        assert_eq!(features[0].geometry.0.len(), 1);
        assert_eq!(features[1].code, "KZ-B");
        assert_eq!(features[1].geometry.0.len(), 2);
        assert_eq!(features[1].geometry.0[1].exterior().0[0], geo::coord! { x: 5.0, y: 5.0 });
    }

    #[test]
    fn feature_without_code_is_an_error_naming_file_and_feature() {
        let text =
            r#"{"features":[{"properties":{},"geometry":{"type":"Polygon","coordinates":[]}}]}"#;
        let Err(error) = read_boundaries("b.geojson", text) else { panic!("accepted") };
        assert_eq!(error.to_string(), "b.geojson, feature 1: it has no ISO_3166_2 code");
    }

    #[test]
    fn malformed_json_names_line_and_column() {
        let Err(error) = read_boundaries("b.geojson", "{\n\"features\": [}") else {
            panic!("accepted")
        };
        assert!(error.to_string().starts_with("b.geojson line 2, column "), "{error}");
    }
}
