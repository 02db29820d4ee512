#!/usr/bin/env bash
# Inputs that are not plain files (issue #16): a zipped shapefile made at
# test time read through /vsizip/, FlatGeobuf, the companion layer options,
# and a path with colons. Every route must give the same table as GeoJSON.
#   gdal_sources_test.sh REGIO DATA_DIR WORK_DIR
set -euo pipefail
regio=$1 data=$2 work=$3
. "$(dirname "$0")/check_support.sh"
rm -rf "$work" && mkdir -p "$work"
export GDAL_PAM_ENABLED=NO

common=(--id region_id --points "$data/points_edges.csv" --points-crs EPSG:3035 --weight persons --quiet)
"$regio" aggregate points --regions "$data/regions_abc.geojson" "${common[@]}" -o "$work/expected.csv"

# A zipped shapefile, read in place.
mkdir -p "$work/shp"
ogr2ogr -f "ESRI Shapefile" "$work/shp/regions_abc.shp" "$data/regions_abc.geojson"
(cd "$work/shp" && zip -q ../regions_abc.zip regions_abc.*)
"$regio" aggregate points --regions "/vsizip/$work/regions_abc.zip/regions_abc.shp" "${common[@]}" -o "$work/vsizip.csv"
same_file "/vsizip/ zipped shapefile" "$work/expected.csv" "$work/vsizip.csv"
"$regio" aggregate points --regions "/vsizip/$work/regions_abc.zip" --regions-layer regions_abc "${common[@]}" -o "$work/vsizip_layer.csv"
same_file "/vsizip/ with --regions-layer" "$work/expected.csv" "$work/vsizip_layer.csv"

# FlatGeobuf regions and points.
# (Without the spatial index FlatGeobuf keeps the input order, which the
# table follows.)
ogr2ogr -f FlatGeobuf -lco SPATIAL_INDEX=NO "$work/regions_abc.fgb" "$data/regions_abc.geojson"
ogr2ogr -f FlatGeobuf -a_srs EPSG:3035 -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y -oo KEEP_GEOM_COLUMNS=NO \
  -oo AUTODETECT_TYPE=YES "$work/points.fgb" "$data/points_edges.csv"
"$regio" aggregate points --regions "$work/regions_abc.fgb" --id region_id --points "$work/points.fgb" \
  --weight persons --quiet -o "$work/fgb.csv"
same_file "FlatGeobuf in" "$work/expected.csv" "$work/fgb.csv"

# Colons in a directory name: FILE:LAYER when the file exists, and the
# companion option where the text alone would be ambiguous.
mkdir -p "$work/a:b"
ogr2ogr -f GPKG "$work/a:b/two.gpkg" "$data/regions_abc.geojson" -nln first
ogr2ogr -f GPKG -update "$work/a:b/two.gpkg" "$data/regions_abc.geojson" -nln second
"$regio" aggregate points --regions "$work/a:b/two.gpkg:second" "${common[@]}" -o "$work/colon.csv"
same_file "colon in the path, FILE:LAYER" "$work/expected.csv" "$work/colon.csv"
"$regio" aggregate points --regions "$work/a:b/two.gpkg" --regions-layer second "${common[@]}" -o "$work/colon_layer.csv"
same_file "colon in the path, --regions-layer" "$work/expected.csv" "$work/colon_layer.csv"
set +e
"$regio" aggregate points --regions "$work/a:b/two.gpkg" --regions-layer third "${common[@]}" -o "$work/x.csv" 2>"$work/err"
rc=$?
set -e
one_line_error "missing layer" "$work/err" $rc 1 "no layer 'third' (layers: first, second)"
[ ! -e "$work/x.csv" ] || fail "missing layer: an output was written"

# map names its layer with --layer-name; the same map as FILE:LAYER.
ogr2ogr -f GPKG "$work/a:b/maps.gpkg" "$data/map_regions.geojson" -nln one
ogr2ogr -f GPKG -update "$work/a:b/maps.gpkg" "$data/map_regions.geojson" -nln two
"$regio" map --layer "$work/a:b/maps.gpkg:two" --id code --field rate --quiet -o "$work/map_text.svg"
"$regio" map --layer "$work/a:b/maps.gpkg" --layer-name two --id code --field rate --quiet -o "$work/map_option.svg"
same_file "map --layer-name" "$work/map_text.svg" "$work/map_option.svg"
finish
