/* A program outside the project that uses the installed library. */
#include <stdio.h>
#include <zhibiao.h>

int main(void)
{
    zb_plan *plan = zb_plan_new();
    zb_indicator_def def = {0};
    def.name = "新增“小升规”企业(家)";
    def.target = "62以上";
    if (!plan || zb_plan_add_indicator(plan, &def, NULL) != ZB_OK)
        return 1;
    printf("%s %s %s\n", zb_version(), zb_plan_indicator_unit(plan, 0), zb_strerror(ZB_ERR_WRITE));
    zb_plan_free(plan);
    return 0;
}
