/**
 * @file zhibiao.h
 * @brief Umbrella header: the whole public API of zhibiao (指标), the indicator-system library.
 */
#ifndef ZB_ZHIBIAO_H
#define ZB_ZHIBIAO_H

#include "zhibiao/common.h"
#include "zhibiao/plan.h"
#include "zhibiao/json.h"
#include "zhibiao/csv.h"
#include "zhibiao/import.h"
#include "zhibiao/progress.h"
#include "zhibiao/xlsx.h"
#include "zhibiao/font.h"
#include "zhibiao/pdf.h"
#include "zhibiao/ofd.h"

#endif /* ZB_ZHIBIAO_H */
